import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineAlert, Paragraph } from 'suomifi-ui-components';
import { api } from '../api/client';
import type { ClientPath, ClientPathResponse } from '../api/gaps';
import { asProblem, problemText } from '../api/problem';
import { hrefOf } from '../router';
import { describeEntry } from './entry-words';
import { organisationNames } from './path-model';
import { PathHeader } from './PathHeader';
import { StatusPanel } from './StatusPanel';
import { Timeline } from './Timeline';

/**
 * `#/clients/<id>/print`: the path for a client meeting, on paper: header, status, the whole
 * timeline and its entries as a list; no navigation, forms or controls (the print stylesheet
 * also hides the two links above it).
 */
export function PrintView({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [path, setPath] = useState<ClientPath>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void api
      .GET('/clients/{clientId}/path', { params: { path: { clientId } } })
      .then(({ data, error: e, response }) => {
        if (e || !data) setError(problemText(asProblem(e, response), t));
        else setPath((data as unknown as ClientPathResponse).path);
      });
  }, [clientId, t]);
  if (error) return <InlineAlert status="error">{error}</InlineAlert>;
  if (!path) return <Paragraph>{t('app.loading')}</Paragraph>;

  const today = new Date().toISOString().slice(0, 10);
  const names = organisationNames(path);
  const entries = [...path.timeline].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : 1));
  return (
    <div className="print-view">
      <p className="no-print">
        <a href={hrefOf({ name: 'client', clientId })}>{t('print.back')}</a>{' '}
        <button type="button" className="link-button" onClick={() => window.print()}>
          {t('print.print')}
        </button>
      </p>
      <PathHeader path={path} clientId={clientId} names={names} today={today} />
      <p>{t('print.printedOn', { date: today })}</p>
      <StatusPanel path={path} names={names} />
      <Timeline
        path={path}
        title={t('path.timeline')}
        id="print-timeline-title"
        names={names}
        today={today}
        fixed
        selected={undefined}
        onSelect={() => undefined}
      />
      <section aria-labelledby="print-entries-title" className="panel">
        <h2 id="print-entries-title" className="section-title">
          {t('print.entries')}
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('path.occurred')}</th>
              <th scope="col">{t('path.organisation')}</th>
              <th scope="col">{t('path.what')}</th>
              <th scope="col">{t('path.who')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.eventId}>
                <td>{e.occurredAt}</td>
                <td>{names.get(e.organisationId) ?? e.organisationId}</td>
                <td>{describeEntry(e, t, names)}</td>
                <td>{e.author.displayName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
