import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert, Paragraph, TextInput } from 'suomifi-ui-components';
import { searchClients } from '../api/client';
import type { ClientSearchHit } from '../api/gaps';
import { asProblem, problemText } from '../api/problem';
import { hrefOf } from '../router';

/** Client search (a 404 means the API has no search yet), and opening a client by id. */
export function ClientSearch() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ClientSearchHit[] | undefined>();
  const [message, setMessage] = useState<string>();
  const [clientId, setClientId] = useState('');

  const search = async () => {
    setMessage(undefined);
    setHits(undefined);
    const { data, error, response } = await searchClients(query);
    if (response.status === 404) {
      setMessage(t('search.unavailable'));
      return;
    }
    if (error || !data) {
      setMessage(problemText(asProblem(error, response), t));
      return;
    }
    const body = data as unknown as ClientSearchHit[] | { clients?: ClientSearchHit[]; items?: ClientSearchHit[] };
    setHits(Array.isArray(body) ? body : (body.clients ?? body.items ?? []));
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
          void search();
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
                {h.municipality && ` (${h.municipality})`}
              </li>
            ))}
          </ul>
        ))}
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
