import { useTranslation } from 'react-i18next';
import type { ClientPath, TimelineEntry } from '../api/gaps';
import { allPeriods, attendanceByMonth, categoryOf, dayOf, isoOfDay, lanesOf, spanOf } from './path-model';

interface Props {
  path: ClientPath;
  /** Heading and its id (two timelines may stand side by side). */
  title: string;
  id: string;
  /** Entries to mark as new (an auditor's comparison with an earlier state). */
  changed?: Set<string>;
  /** The days shown (default: this path's own); a comparison shares today's axis. */
  span?: { from: number; to: number };
  names: Map<string, string>;
  today: string;
  selected: string | undefined;
  onSelect(entry: TimelineEntry): void;
}

/**
 * One lane per organisation: periods as bars, every other entry as a marker, the attendance
 * density as a strip under the lane. Every item is a button (keyboard: Tab, Enter) that opens
 * its details; the hidden count says what consent keeps from this reader.
 */
export function Timeline({ path, title, id, changed, names, today, selected, onSelect, ...props }: Props) {
  const { t } = useTranslation();
  const span = props.span ?? spanOf(path, today);
  const x = (iso: string) => ((dayOf(iso) - span.from) / (span.to - span.from)) * 100;
  const years: number[] = [];
  for (let y = Number(isoOfDay(span.from).slice(0, 4)) + 1; y <= Number(isoOfDay(span.to).slice(0, 4)); y += 1)
    years.push(y);
  const periods = allPeriods(path);
  const hidden = new Map((path.hiddenEntries ?? []).map((h) => [h.organisationId, h.entries]));
  const periodStart = (periodId: string) =>
    path.timeline.find((e) => e.type === 'ServicePeriodStarted' && e.data?.periodId === periodId);

  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id} className="section-title">
        {title}
      </h2>
      <p className="hint">{t('path.timelineHelp')}</p>
      <ul className="legend" aria-hidden="true">
        {(['plan', 'referral', 'period', 'review', 'attendance', 'officer', 'other'] as const).map((c) => (
          <li key={c}>
            <span className={`swatch cat-${c}`} />
            {t(`category.${c}`)}
          </li>
        ))}
      </ul>
      <div className="timeline">
        <div className="axis" aria-hidden="true">
          {years.map((y) => (
            <span key={y} className="tick" style={{ left: `${x(`${y}-01-01`)}%` }}>
              {y}
            </span>
          ))}
          <span className="tick today" style={{ left: `${x(today)}%` }}>
            ▼
          </span>
        </div>
        {lanesOf(path).map((org) => {
          const entries = path.timeline.filter((e) => e.organisationId === org);
          const lanePeriods = periods.filter((p) => p.recordedBy.organisationId === org);
          const density = attendanceByMonth(entries);
          const markers = entries.filter((e) => e.type !== 'ServicePeriodStarted');
          const name = names.get(org) ?? org;
          const hiddenCount = hidden.get(org) ?? 0;
          return (
            <div
              key={org}
              className="lane"
              role="group"
              aria-label={t('path.lane', { organisation: name })}
              data-organisation={org}
            >
              <div className="lane-name">
                <strong>{name}</strong>
                {hiddenCount > 0 && <span className="hidden-note">{t('path.hidden', { count: hiddenCount })}</span>}
              </div>
              <div className="lane-track">
                {lanePeriods.map((p) => {
                  const start = periodStart(p.periodId);
                  const end = p.endDate ?? (p.status === 'ended' ? p.plannedEndDate : today) ?? today;
                  return (
                    <button
                      key={p.periodId}
                      type="button"
                      className={`bar cat-period${selected === start?.eventId ? ' selected' : ''}`}
                      style={{ left: `${x(p.startDate)}%`, width: `${Math.max(0.8, x(end) - x(p.startDate))}%` }}
                      onClick={() => start && onSelect(start)}
                      disabled={!start}
                    >
                      {p.serviceName ?? p.serviceType} {p.startDate} – {p.endDate ?? ''}
                    </button>
                  );
                })}
                {markers.map((e, i) => (
                  <button
                    key={e.eventId}
                    type="button"
                    className={`marker cat-${categoryOf(e.type)}${selected === e.eventId ? ' selected' : ''}${changed?.has(e.eventId) ? ' changed' : ''}`}
                    style={{ left: `${x(e.occurredAt)}%`, top: `${2.1 + (i % 3) * 0.9}rem` }}
                    onClick={() => onSelect(e)}
                  >
                    <span className="visually-hidden">
                      {e.occurredAt} {e.summary}
                      {changed?.has(e.eventId) && ` ${t('audit.changedMark')}`}
                    </span>
                  </button>
                ))}
                <div className="density" aria-hidden="true">
                  {[...density].map(([month, days]) => (
                    <span
                      key={month}
                      title={t('path.attendance', { month, days })}
                      style={{
                        left: `${x(`${month}-01`)}%`,
                        width: `${Math.max(0.3, x(`${month}-28`) - x(`${month}-01`))}%`,
                        opacity: Math.min(1, 0.2 + days / 16),
                      }}
                    />
                  ))}
                </div>
              </div>
            </div>
          );
        })}
      </div>
    </section>
  );
}
