import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { asProblem, problemText } from '../../api/problem';

type Usage = components['schemas']['UsageEntryView'];
type Disclosure = components['schemas']['DisclosureEntryView'];
export type LogKind = 'usage' | 'disclosures';
type Filters = { clientId: string; personId: string; organisationId: string; from: string; to: string };
const NO_FILTERS: Filters = { clientId: '', personId: '', organisationId: '', from: '', to: '' };
const PAGE = 10;

/**
 * One of the auditor's logs (usage: who read whose data and why; disclosures: what went to
 * whom on which basis), newest first, filtered and paged with the API's keyset cursor.
 */
export function AuditLogSection({ kind }: { kind: LogKind }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // cursors[i] opens page i+1; the first page has none
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<{ entries: (Usage | Disclosure)[]; nextCursor: string | null }>();
  const [error, setError] = useState<string>();

  const load = useCallback(
    async (after: string | undefined) => {
      const query = {
        ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim() !== '')),
        limit: PAGE,
        ...(after && { after }),
      };
      const {
        data,
        error: e,
        response,
      } = kind === 'usage'
        ? await api.GET('/audit/usage', { params: { query } })
        : await api.GET('/audit/disclosures', { params: { query } });
      if (e || !data) {
        setError(problemText(asProblem(e, response), t));
        setPage(undefined);
      } else {
        setError(undefined);
        setPage(data);
      }
    },
    [filters, kind, t],
  );
  useEffect(() => {
    setPage(undefined); // no stale page under new filters while the next one loads
    void load(cursors[cursors.length - 1]);
  }, [load, cursors]);

  const id = `log-${kind}`;
  const input = (field: keyof Filters) => (
    <div className="field" key={field}>
      <label htmlFor={`${id}-${field}`}>{t(`auditLogs.${field}`)}</label>
      <input
        id={`${id}-${field}`}
        type="text"
        value={draft[field]}
        onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
      />
    </div>
  );
  const when = (at: string) => at.replace('T', ' ').slice(0, 19);
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`} className="section-title">
        {t(`auditLogs.${kind}`)}
      </h2>
      <form
        className="filters"
        aria-label={t('auditLogs.filters', { log: t(`auditLogs.${kind}`) })}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
          setCursors([undefined]);
        }}
      >
        {(['clientId', 'personId', 'organisationId', 'from', 'to'] as const).map(input)}
        <Button type="submit" variant="secondary">
          {t('auditLogs.apply')}
        </Button>
      </form>
      {error && <InlineAlert status="error">{error}</InlineAlert>}
      {page && page.entries.length === 0 && <Paragraph>{t('accessLog.empty')}</Paragraph>}
      {page && page.entries.length > 0 && (
        <table>
          <caption>{t('auditLogs.page', { page: cursors.length })}</caption>
          <thead>
            <tr>
              {(kind === 'usage'
                ? (['when', 'client', 'who', 'organisation', 'view', 'purpose', 'outcome'] as const)
                : (['when', 'client', 'from', 'to', 'view', 'basis', 'channel'] as const)
              ).map((c) => (
                <th key={c} scope="col">
                  {t(`auditLogs.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.entries.map((entry) =>
              'view' in entry ? (
                <tr key={entry.id}>
                  <td>{when(entry.at)}</td>
                  <td>{entry.clientId ?? ''}</td>
                  <td>{entry.personId ?? ''}</td>
                  <td>{entry.organisationId ?? ''}</td>
                  <td>{entry.view}</td>
                  <td>{entry.purpose ?? ''}</td>
                  <td>{entry.outcome}</td>
                </tr>
              ) : (
                <tr key={entry.id}>
                  <td>{when(entry.at)}</td>
                  <td>{entry.clientId}</td>
                  <td>{entry.fromOrganisationId}</td>
                  <td>
                    {entry.toOrganisationId}
                    {entry.toPersonId && ` (${entry.toPersonId})`}
                  </td>
                  <td>{entry.what}</td>
                  <td>{entry.basis}</td>
                  <td>{entry.channel}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <div className="pager">
        {cursors.length > 1 && (
          <Button variant="secondary" onClick={() => setCursors([undefined])}>
            {t('auditLogs.firstPage')}
          </Button>
        )}
        {page?.nextCursor && (
          <Button variant="secondary" onClick={() => setCursors([...cursors, page.nextCursor ?? undefined])}>
            {t('auditLogs.nextPage')}
          </Button>
        )}
      </div>
    </section>
  );
}
