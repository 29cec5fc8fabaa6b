import { useTranslation } from 'react-i18next';
import type { ClientPath } from '../api/gaps';

/** Plans with their next review, active periods with the 178-day and 24-month gauges, open referrals. */
export function StatusPanel({ path, names }: { path: ClientPath; names: Map<string, string> }) {
  const { t } = useTranslation();
  const s = path.status;
  const name = (id: string) => names.get(id) ?? id;
  return (
    <aside aria-labelledby="status-title" className="panel status">
      <h2 id="status-title" className="section-title">
        {t('path.status')}
      </h2>
      <h3>{t('path.plans')}</h3>
      {s.plans.length === 0 ? (
        <p>{t('path.none')}</p>
      ) : (
        <ul className="plain">
          {s.plans.map((p) => (
            <li key={p.planId}>
              {t(`category.plan`)} ({p.kind}) {p.agreedOn}, {name(p.organisationId)}
              {p.nextReviewDue && <>, {t('path.nextReview', { date: p.nextReviewDue })}</>}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('path.activePeriods')}</h3>
      {s.activePeriods.length === 0 ? (
        <p>{t('path.none')}</p>
      ) : (
        <ul className="plain">
          {s.activePeriods.map((p) => (
            <li key={p.periodId}>
              <strong>{p.serviceName ?? p.serviceType}</strong>, {name(p.provider.organisationId)}, {p.startDate}–
              {p.plannedEndDate ?? ''}
              {p.maxActivityDaysIn12Months !== undefined && (
                <>
                  <br />
                  <meter
                    min={0}
                    max={p.maxActivityDaysIn12Months}
                    value={p.activityDaysInLast12Months ?? 0}
                    aria-label={t('path.activityDays', {
                      days: p.activityDaysInLast12Months ?? 0,
                      max: p.maxActivityDaysIn12Months,
                    })}
                  />{' '}
                  {t('path.activityDays', {
                    days: p.activityDaysInLast12Months ?? 0,
                    max: p.maxActivityDaysIn12Months,
                  })}
                </>
              )}
              {p.maxEndDate && (
                <>
                  <br />
                  {t('path.maxEnd', { date: p.maxEndDate })}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('path.openReferrals')}</h3>
      {s.openReferrals.length === 0 ? (
        <p>{t('path.none')}</p>
      ) : (
        <ul className="plain">
          {s.openReferrals.map((r) => (
            <li key={r.referralId}>
              {r.serviceType}: {name(r.from.organisationId)} → {r.to.name ?? r.to.organisationId}, {r.madeOn}
              {r.answerDueBy && <>, {t('path.answerBy', { date: r.answerDueBy })}</>}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
