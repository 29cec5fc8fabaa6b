import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { api } from '../api/client';
import type { ClientPath, ClientPathResponse, ReplayedPath, TimelineEntry } from '../api/gaps';
import { AccessLogView } from './AccessLogView';
import { changedSince, ReplayPanel } from './ReplayPanel';
import { asProblem, problemText } from '../api/problem';
import type { SignedInPrincipal } from '../session/session';
import { CLIENT_COMMAND_FORMS, CommandFormView } from './commands';
import { GoalReviewForm } from './GoalReviewForm';
import { describeEntry } from './entry-words';
import { organisationNames } from './path-model';
import { PathHeader } from './PathHeader';
import { hrefOf } from '../router';
import { StatusPanel } from './StatusPanel';
import { Timeline } from './Timeline';
import { useTimelineZoom } from './timeline-zoom';

const todayIso = () => new Date().toISOString().slice(0, 10);
const WRITERS = new Set(['officer', 'instructor']);

/** "The client's path": header, timeline with details, status panel, recording. */
export function ClientPathView({ clientId, principal }: { clientId: string; principal: SignedInPrincipal }) {
  const { t } = useTranslation();
  const [path, setPath] = useState<ClientPath | undefined>();
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState<TimelineEntry | undefined>();
  const [replay, setReplay] = useState<ReplayedPath | undefined>();
  // today's timeline and the auditor's comparison zoom together, on one axis
  const zoom = useTimelineZoom();

  const load = useCallback(
    async (minPosition?: string) => {
      const {
        data,
        error: e,
        response,
      } = await api.GET('/clients/{clientId}/path', {
        params: { path: { clientId }, query: minPosition ? { minPosition } : {} },
      });
      if (e || !data) {
        setError(response.status === 404 ? t('path.notFound') : problemText(asProblem(e, response), t));
        return;
      }
      setError(undefined);
      setPath((data as unknown as ClientPathResponse).path);
    },
    [clientId, t],
  );
  useEffect(() => {
    void load();
  }, [load]);

  if (error)
    return (
      <>
        <Heading variant="h1">{t('path.title')}</Heading>
        <InlineAlert status="error">{error}</InlineAlert>
      </>
    );
  if (!path) return <Paragraph>{t('app.loading')}</Paragraph>;

  const today = todayIso();
  const names = organisationNames(path);
  return (
    <>
      <PathHeader path={path} clientId={clientId} names={names} today={today} />
      <p className="no-print">
        <a href={hrefOf({ name: 'print', clientId })}>{t('print.link')}</a>
      </p>
      <div className="path-grid">
        <div>
          <Timeline
            path={path}
            title={t('path.timeline')}
            id="timeline-title"
            names={names}
            today={today}
            selected={selected?.eventId}
            onSelect={setSelected}
            changed={replay && changedSince(path, replay)}
            zoom={zoom}
          />
          {selected && <EntryDetails entry={selected} names={names} onClose={() => setSelected(undefined)} />}
          {principal.role === 'auditor' && (
            <ReplayPanel
              clientId={clientId}
              onReplay={setReplay}
              replay={replay}
              today={path}
              names={names}
              selected={selected?.eventId}
              onSelect={setSelected}
              zoom={zoom}
            />
          )}
          {(principal.role === 'client' || principal.role === 'auditor') && (
            <AccessLogView clientId={clientId} names={names} />
          )}
          {WRITERS.has(principal.role) && (
            <GoalReviewForm clientId={clientId} path={path} onRecorded={(position) => load(position)} />
          )}
          {WRITERS.has(principal.role) && (
            <CommandFormView
              forms={CLIENT_COMMAND_FORMS}
              clientId={clientId}
              path={path}
              heading={t('commands.title')}
              onRecorded={(r) => load(r.position)}
            />
          )}
        </div>
        <StatusPanel path={path} names={names} />
      </div>
    </>
  );
}

function EntryDetails({
  entry,
  names,
  onClose,
}: {
  entry: TimelineEntry;
  names: Map<string, string>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="details-title" className="panel details" aria-live="polite">
      <h2 id="details-title" className="section-title">
        {t('path.details')}
      </h2>
      <dl className="facts">
        <dt>{t('path.what')}</dt>
        <dd>{describeEntry(entry, t, names)}</dd>
        <dt>{t('path.who')}</dt>
        <dd>{entry.author.displayName}</dd>
        <dt>{t('path.organisation')}</dt>
        <dd>{names.get(entry.organisationId) ?? entry.organisationId}</dd>
        <dt>{t('path.occurred')}</dt>
        <dd>{entry.occurredAt}</dd>
        <dt>{t('path.recorded')}</dt>
        <dd>{entry.recordedAt.replace('T', ' ').slice(0, 16)}</dd>
      </dl>
      <button type="button" className="link-button" onClick={onClose}>
        {t('path.close')}
      </button>
    </section>
  );
}
