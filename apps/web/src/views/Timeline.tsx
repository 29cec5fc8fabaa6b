import { useTranslation } from 'react-i18next';
import type { ClientPath, TimelineEntry } from '../api/gaps';
import { allPeriods, attendanceByMonth, categoryOf, dayOf, isoOfDay, lanesOf, spanOf } from './path-model';
import { type Span, type TimelineZoom, ticksOf, useTimelineZoom, zoomControls } from './timeline-zoom';
import { ZoomToolbar } from './ZoomToolbar';
import { describeEntry } from './entry-words';

interface Props {
  path: ClientPath;
  /** Heading and its id (two timelines may stand side by side). */
  title: string;
  id: string;
  /** Entries to mark as new (an auditor's comparison with an earlier state). */
  changed?: Set<string>;
  /** The whole axis (default: this path's own); a comparison shares today's. */
  span?: { from: number; to: number };
  /** Zoom state shared with another timeline (default: this timeline's own). */
  zoom?: TimelineZoom;
  /** The day zooming in centres on when the chosen entry is not on this path (a comparison). */
  centreOn?: string;
  /** No zoom controls (on paper). */
  fixed?: boolean;
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
  const whole: Span = props.span ?? spanOf(path, today);
  // Zoom from the whole path through ten years down to one month, around a centre day; shared
  // with another timeline when given (an auditor's comparison zooms with today's).
  const own = useTimelineZoom();
  const chosen = props.centreOn ?? path.timeline.find((e) => e.eventId === selected)?.occurredAt;
  const controls = zoomControls(props.zoom ?? own, whole, chosen ? dayOf(chosen) : undefined);
  const { span } = controls;
  const x = (iso: string) => ((dayOf(iso) - span.from) / (span.to - span.from)) * 100;
  const inView = (iso: string) => dayOf(iso) >= span.from && dayOf(iso) <= span.to;
  const periods = allPeriods(path);
  const hidden = new Map((path.hiddenEntries ?? []).map((h) => [h.organisationId, h.entries]));
  const periodStart = (periodId: string) =>
    path.timeline.find((e) => e.type === 'ServicePeriodStarted' && e.data?.periodId === periodId);

  return (
    <section aria-labelledby={id} className="panel" onKeyDown={props.fixed ? undefined : controls.onKeyDown}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      <p className="hint">
        {t('path.timelineHelp')} {!props.fixed && t('zoom.keys')}
      </p>
      {!props.fixed && <ZoomToolbar id={id} controls={controls} />}
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
          {ticksOf(span).map((tick) => (
            <span key={tick.day} className="tick" style={{ left: `${x(isoOfDay(tick.day))}%` }}>
              {tick.label}
            </span>
          ))}
          {inView(today) && (
            <span className="tick today" style={{ left: `${x(today)}%` }}>
              ▼
            </span>
          )}
        </div>
        {lanesOf(path).map((org) => {
          const entries = path.timeline.filter((e) => e.organisationId === org);
          const lanePeriods = periods.filter((p) => p.recordedBy.organisationId === org);
          const density = attendanceByMonth(entries);
          const markers = entries.filter((e) => e.type !== 'ServicePeriodStarted' && inView(e.occurredAt));
          const name = names.get(org) ?? org;
          const hiddenCount = hidden.get(org) ?? 0;
          return (
            // biome-ignore lint/a11y/useSemanticElements: a lane groups timeline marks; it is not a form's fieldset
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
                  if (dayOf(end) < span.from || dayOf(p.startDate) > span.to) return null;
                  // a bar reaching past the view is cut at its edge
                  const left = Math.max(0, x(p.startDate));
                  const right = Math.min(100, x(end));
                  return (
                    <button
                      key={p.periodId}
                      type="button"
                      className={`bar cat-period${selected === start?.eventId ? ' selected' : ''}`}
                      style={{ left: `${left}%`, width: `${Math.max(0.8, right - left)}%` }}
                      onClick={() => start && onSelect(start)}
                      disabled={!start}
                    >
                      {t(`serviceType.${p.serviceType}`, { defaultValue: p.serviceName ?? p.serviceType })}{' '}
                      {p.startDate} – {p.endDate ?? ''}
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
                      {e.occurredAt} {describeEntry(e, t, names)}
                      {changed?.has(e.eventId) && ` ${t('audit.changedMark')}`}
                    </span>
                  </button>
                ))}
                <div className="density" aria-hidden="true">
                  {[...density]
                    .filter(([month]) => dayOf(`${month}-28`) >= span.from && dayOf(`${month}-01`) <= span.to)
                    .map(([month, days]) => (
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
