import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineAlert, Paragraph } from 'suomifi-ui-components';
import { api } from '../api/client';
import type { AccessLog } from '../api/gaps';
import { asProblem, problemText } from '../api/problem';

// The API answers newest first, a page of at most 100 per log.
const LATEST = 100;

/** The client's own access log (703/2023 §11): who used their data and what was disclosed, latest first. */
export function AccessLogView({ clientId, names }: { clientId: string; names: Map<string, string> }) {
  const { t } = useTranslation();
  const [log, setLog] = useState<AccessLog | undefined>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void api
      .GET('/clients/{clientId}/access-log', { params: { path: { clientId } } })
      .then(({ data, error: e, response }) => {
        if (e || !data) setError(problemText(asProblem(e, response), t));
        else setLog(data as unknown as AccessLog);
      });
  }, [clientId, t]);
  const org = (id: string | null) => (id ? (names.get(id) ?? id) : '');
  const when = (at: string) => at.replace('T', ' ').slice(0, 16);
  return (
    <section aria-labelledby="access-log-title" className="panel">
      <h2 id="access-log-title" className="section-title">
        {t('accessLog.title')}
      </h2>
      {error && <InlineAlert status="error">{error}</InlineAlert>}
      {log && (
        <>
          <h3>{t('accessLog.usage')}</h3>
          {log.usage.length === 0 ? (
            <Paragraph>{t('accessLog.empty')}</Paragraph>
          ) : (
            <table>
              <thead>
                <tr>
                  {(['when', 'who', 'organisation', 'view', 'purpose', 'outcome'] as const).map((c) => (
                    <th key={c} scope="col">
                      {t(`accessLog.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {log.usage.slice(0, LATEST).map((u) => (
                  <tr key={u.id}>
                    <td>{when(u.at)}</td>
                    <td>{u.personId ?? ''}</td>
                    <td>{org(u.organisationId)}</td>
                    <td>{u.view}</td>
                    <td>{u.purpose ?? ''}</td>
                    <td>{u.outcome}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('accessLog.disclosures')}</h3>
          {log.disclosures.length === 0 ? (
            <Paragraph>{t('accessLog.empty')}</Paragraph>
          ) : (
            <table>
              <thead>
                <tr>
                  {(['when', 'from', 'to', 'view', 'basis'] as const).map((c) => (
                    <th key={c} scope="col">
                      {t(`accessLog.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {log.disclosures.slice(0, LATEST).map((d) => (
                  <tr key={d.id}>
                    <td>{when(d.at)}</td>
                    <td>{org(d.fromOrganisationId)}</td>
                    <td>
                      {org(d.toOrganisationId)}
                      {d.toPersonId && ` (${d.toPersonId})`}
                    </td>
                    <td>{d.what}</td>
                    <td>{d.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
