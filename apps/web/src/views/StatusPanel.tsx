import { useTranslation } from 'react-i18next';
import type { ClientPath, PeriodStatus } from '../api/gaps';

/**
 * Plans with their next review; periods with the 178-day gauge (activity days in the last 12
 * months) and the 24-month gauge (months run of the maximum length), both counted by the API
 * from the domain's rules; open referrals with their answer date.
 */
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
              {t(`category.plan`)} ({t(`planKind.${p.kind}`, { defaultValue: p.kind })}) {p.agreedOn},{' '}
              {name(p.organisationId)}
              {p.nextReviewDue && <>, {t('path.nextReview', { date: p.nextReviewDue })}</>}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('path.activePeriods')}</h3>
      <Periods periods={s.activePeriods} name={name} />
      {s.endedPeriods.length > 0 && (
        <>
          <h3>{t('path.endedPeriods')}</h3>
          <Periods periods={s.endedPeriods} name={name} />
        </>
      )}
      <h3>{t('path.openReferrals')}</h3>
      {s.openReferrals.length === 0 ? (
        <p>{t('path.none')}</p>
      ) : (
        <ul className="plain">
          {s.openReferrals.map((r) => (
            <li key={r.referralId}>
              {t(`serviceType.${r.serviceType}`, { defaultValue: r.serviceType })}: {name(r.from.organisationId)} →{' '}
              {r.to.name ?? r.to.organisationId}, {r.madeOn}
              {r.answerDue && <>, {t('path.answerBy', { date: r.answerDue })}</>}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

function Periods({ periods, name }: { periods: PeriodStatus[]; name(id: string): string }) {
  const { t } = useTranslation();
  if (periods.length === 0) return <p>{t('path.none')}</p>;
  return (
    <ul className="plain">
      {periods.map((p) => (
        <li key={p.periodId} data-period={p.periodId}>
          <strong>{t(`serviceType.${p.serviceType}`, { defaultValue: p.serviceName ?? p.serviceType })}</strong>,{' '}
          {name(p.provider.organisationId)}, {p.startDate}–
          {p.endDate ? t('path.endedOn', { date: p.endDate }) : (p.plannedEndDate ?? '')}
          {p.maxActivityDaysIn12Months != null && (
            <Gauge
              value={p.activityDaysInLast12Months ?? 0}
              max={p.maxActivityDaysIn12Months}
              label={t('path.activityDays', {
                days: p.activityDaysInLast12Months ?? 0,
                max: p.maxActivityDaysIn12Months,
              })}
            />
          )}
          {p.maxMonths != null && p.monthsUsed != null && (
            <Gauge
              value={p.monthsUsed}
              max={p.maxMonths}
              label={t('path.monthsUsed', { used: p.monthsUsed, max: p.maxMonths })}
            />
          )}
          {p.maxEndDate && !p.endDate && (
            <>
              <br />
              {t('path.maxEnd', { date: p.maxEndDate, months: p.maxMonths ?? '' })}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A limit's use as a meter, with its numbers in words beside it (the meter's colour is not the only cue). */
function Gauge({ value, max, label }: { value: number; max: number; label: string }) {
  return (
    <span className="gauge">
      <meter min={0} max={max} low={max * 0.75} high={max * 0.9} optimum={0} value={value} aria-label={label} />{' '}
      <span aria-hidden="true">{label}</span>
    </span>
  );
}
