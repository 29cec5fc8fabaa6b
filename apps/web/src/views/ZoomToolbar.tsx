import { useTranslation } from 'react-i18next';
import { isoOfDay } from './path-model';
import { ZOOM_LEVELS, type ZoomControls, type ZoomKey } from './timeline-zoom';

/** The zoom toolbar of a timeline: out, the level, in, earlier, later, and the span shown as a live status. */
export function ZoomToolbar({ id, controls }: { id: string; controls: ZoomControls }) {
  const { t } = useTranslation();
  const { key, level, span, setLevel, zoomTo, pan } = controls;
  return (
    <div className="zoom" role="toolbar" aria-label={t('zoom.label')}>
      <button type="button" onClick={() => zoomTo(level - 1)} disabled={level === 0}>
        {t('zoom.out')}
      </button>
      <label htmlFor={`${id}-zoom`}>{t('zoom.level')}</label>
      <select id={`${id}-zoom`} value={key} onChange={(e) => setLevel(e.target.value as ZoomKey)}>
        {ZOOM_LEVELS.map((z) => (
          <option key={z.key} value={z.key}>
            {t(`zoom.${z.key}`)}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => zoomTo(level + 1)} disabled={level === ZOOM_LEVELS.length - 1}>
        {t('zoom.in')}
      </button>
      <button type="button" onClick={() => pan(-1)} disabled={key === 'all'}>
        {t('zoom.earlier')}
      </button>
      <button type="button" onClick={() => pan(1)} disabled={key === 'all'}>
        {t('zoom.later')}
      </button>
      <span role="status" className="zoom-span">
        {t('zoom.showing', { from: isoOfDay(span.from), to: isoOfDay(span.to) })}
      </span>
    </div>
  );
}
