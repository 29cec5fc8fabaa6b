import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert, Paragraph, TextInput } from 'suomifi-ui-components';
import { api } from '../api/client';
import { asProblem, problemText } from '../api/problem';
import type { components } from '../api/schema';
import { hrefOf } from '../router';

type ClientSearchHit = components['schemas']['ClientSearchItemView'];

/** Client search (identity code, client id or name words; paged), and opening a client by id. */
export function ClientSearch() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ClientSearchHit[] | undefined>();
  const [next, setNext] = useState<{ q: string; after: string } | undefined>();
  const [message, setMessage] = useState<string>();
  const [clientId, setClientId] = useState('');

  /** A new search, or the next page of the last one (`after`). */
  const search = async (q: string, after?: string) => {
    setMessage(undefined);
    if (!after) setHits(undefined);
    const { data, error, response } = await api.GET('/clients/search', {
      params: { query: after ? { q, after } : { q } },
    });
    if (error || !data) {
      setMessage(problemText(asProblem(error, response), t));
      return;
    }
    setHits((earlier) => [...(after ? (earlier ?? []) : []), ...data.items]);
    setNext(data.nextCursor ? { q, after: data.nextCursor } : undefined);
  };

  return (
    <section aria-labelledby="search-title" className="panel">
      <Heading variant="h2" id="search-title">
        {t('search.title')}
      </Heading>
      {/* biome-ignore lint/a11y/useSemanticElements: a form with role=search is announced by every screen reader; <search> not yet */}
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search(query);
        }}
      >
        <TextInput labelText={t('search.label')} value={query} onChange={(v) => setQuery(String(v ?? ''))} />
        <Button type="submit">{t('search.button')}</Button>
      </form>
      {message && <InlineAlert status="neutral">{message}</InlineAlert>}
      {hits &&
        (hits.length === 0 ? (
          <Paragraph>{t('search.noResults')}</Paragraph>
        ) : (
          <ul>
            {hits.map((h) => (
              <li key={h.clientId}>
                <a href={hrefOf({ name: 'client', clientId: h.clientId })}>{h.fullName ?? h.clientId}</a>
                {[h.birthDate, h.municipality].some(Boolean) &&
                  ` (${[h.birthDate, h.municipality].filter(Boolean).join(', ')})`}
              </li>
            ))}
          </ul>
        ))}
      {hits && next && (
        <Button variant="secondary" onClick={() => void search(next.q, next.after)}>
          {t('search.more')}
        </Button>
      )}
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (clientId.trim()) window.location.hash = hrefOf({ name: 'client', clientId: clientId.trim() });
        }}
      >
        <TextInput labelText={t('search.clientId')} value={clientId} onChange={(v) => setClientId(String(v ?? ''))} />
        <Button type="submit" variant="secondary">
          {t('search.openById')}
        </Button>
      </form>
    </section>
  );
}
