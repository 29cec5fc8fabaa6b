import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { api } from '../api/client';
import type { Worklist } from '../api/gaps';
import { asProblem, problemText } from '../api/problem';
import { hrefOf } from '../router';
import { CommandFormView, REGISTRATION_FORMS } from './commands';
import type { SignedInPrincipal } from '../session/session';
import { ClientSearch } from './ClientSearch';

interface CaseloadEntry {
  clientId: string;
  role: string;
  since: string;
}

const DEADLINE_KINDS = [
  'multisectoral_plan_due',
  'plan_review_due',
  'goal_review_due',
  'period_max_length_nearing',
  'activity_day_limit_nearing',
  'referral_unanswered',
] as const;
const PAGE_SIZE = 20;

/** "Today": my caseload, my organisation's worklist (filters, paging), client search. */
export function TodayView({ principal }: { principal: SignedInPrincipal }) {
  const { t } = useTranslation();
  if (principal.role === 'client') {
    return (
      <section aria-labelledby="today-title">
        <Heading variant="h1" id="today-title">
          {t('today.clientView')}
        </Heading>
        <a href={hrefOf({ name: 'client', clientId: principal.personId })}>{t('today.clientViewLink')}</a>
      </section>
    );
  }
  return (
    <>
      <Heading variant="h1">{t('today.title')}</Heading>
      <ClientSearch />
      {principal.role !== 'auditor' && <Caseload />}
      {principal.role !== 'auditor' && <WorklistPanel organisationId={principal.organisationId} />}
      {principal.role === 'officer' && (
        <CommandFormView
          forms={REGISTRATION_FORMS}
          heading={t('titles.RegisterClient', { ns: 'commands' })}
          onRecorded={(r) => {
            window.location.hash = hrefOf({ name: 'client', clientId: r.clientId });
          }}
        />
      )}
    </>
  );
}

function Caseload() {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<CaseloadEntry[] | undefined>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void api.GET('/caseloads/me').then(({ data, error: e, response }) => {
      if (e || !data) setError(problemText(asProblem(e, response), t));
      else setEntries((data as unknown as { clients: CaseloadEntry[] }).clients);
    });
  }, [t]);
  return (
    <section aria-labelledby="caseload-title" className="panel">
      <Heading variant="h2" id="caseload-title">
        {t('today.caseload')}
      </Heading>
      {error && <InlineAlert status="error">{error}</InlineAlert>}
      {entries === undefined ? (
        !error && <Paragraph>{t('app.loading')}</Paragraph>
      ) : entries.length === 0 ? (
        <Paragraph>{t('today.caseloadEmpty')}</Paragraph>
      ) : (
        <table>
          <caption className="visually-hidden">{t('today.caseload')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('today.client')}</th>
              <th scope="col">{t('path.named')}</th>
              <th scope="col">{t('today.since')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((c) => (
              <tr key={`${c.clientId}-${c.role}`}>
                <td>
                  <a
                    href={hrefOf({ name: 'client', clientId: c.clientId })}
                    aria-label={t('today.open', { client: c.clientId })}
                  >
                    {c.clientId}
                  </a>
                </td>
                <td>
                  {c.role === 'responsible_officer'
                    ? t('path.responsibleOfficer')
                    : c.role === 'named_worker'
                      ? t('path.namedWorker')
                      : t('path.ownInstructor')}
                </td>
                <td>{c.since}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function WorklistPanel({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const [horizonDays, setHorizonDays] = useState('30');
  const [kind, setKind] = useState('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<Worklist | undefined>();
  const [error, setError] = useState<string>();

  const load = useCallback(
    async (after: string | undefined) => {
      setError(undefined);
      const {
        data,
        error: e,
        response,
      } = await api.GET('/worklists/{organisationId}', {
        params: {
          path: { organisationId },
          query: {
            horizonDays: Number(horizonDays) || 0,
            limit: PAGE_SIZE,
            ...(kind && { kinds: [kind as (typeof DEADLINE_KINDS)[number]] }),
            ...(after && { after }),
          },
        },
      });
      if (e || !data) {
        setError(problemText(asProblem(e, response), t));
        setPage(undefined);
        return;
      }
      setPage(data as unknown as Worklist);
    },
    [organisationId, horizonDays, kind, t],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page once, on mount; later pages come from the filters
  useEffect(() => {
    void load(undefined);
  }, []);

  const show = () => {
    setCursors([undefined]);
    void load(undefined);
  };
  const next = () => {
    if (!page?.nextCursor) return;
    setCursors([...cursors, page.nextCursor]);
    void load(page.nextCursor);
  };
  const first = () => {
    setCursors([undefined]);
    void load(undefined);
  };

  return (
    <section aria-labelledby="worklist-title" className="panel">
      <Heading variant="h2" id="worklist-title">
        {t('today.worklist')}
      </Heading>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          show();
        }}
      >
        <label>
          {t('today.horizon')}
          <input
            type="number"
            min={0}
            max={3650}
            value={horizonDays}
            onChange={(e) => setHorizonDays(e.target.value)}
          />
        </label>
        <label>
          {t('today.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{t('today.kindAll')}</option>
            {DEADLINE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`deadline.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">{t('today.apply')}</Button>
      </form>
      {error && <InlineAlert status="error">{error}</InlineAlert>}
      {page &&
        (page.items.length === 0 ? (
          <Paragraph>{t('today.worklistEmpty')}</Paragraph>
        ) : (
          <table>
            <caption className="visually-hidden">
              {t('today.worklist')} – {t('today.page', { page: cursors.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('today.due')}</th>
                <th scope="col">{t('today.what')}</th>
                <th scope="col">{t('today.client')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((item) => (
                <tr
                  key={`${item.clientId}-${item.kind}-${item.refId ?? ''}-${item.dueDate}`}
                  className={item.overdue ? 'overdue' : undefined}
                >
                  <td>
                    {item.dueDate}
                    {item.overdue && <strong className="overdue-tag"> {t('today.overdue')}</strong>}
                  </td>
                  <td>{t(`deadline.${item.kind}`, { defaultValue: item.description ?? item.kind })}</td>
                  <td>
                    <a href={hrefOf({ name: 'client', clientId: item.clientId })}>{item.clientId}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <div className="paging">
        <span>{t('today.page', { page: cursors.length })}</span>
        {cursors.length > 1 && (
          <Button variant="secondary" onClick={first}>
            {t('today.firstPage')}
          </Button>
        )}
        {page?.nextCursor && (
          <Button variant="secondary" onClick={next}>
            {t('today.nextPage')}
          </Button>
        )}
      </div>
    </section>
  );
}
