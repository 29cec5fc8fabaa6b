import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineAlert } from 'suomifi-ui-components';
import { api } from '../../api/client';
import { asProblem, problemText } from '../../api/problem';
import type { components } from '../../api/schema';
import { BarChart, BarTable } from './BarChart';
import { ReportFilters } from './ReportFilters';

type Outcomes = components['schemas']['OutcomeStatsAnswer'];

/** Outcome statistics: ended periods by end reason, by continuation, and continuations by provider and service type. */
export function OutcomeReport() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState({ from: '', to: '', serviceType: '' });
  const [stats, setStats] = useState<Outcomes>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v.trim() !== ''));
    void api.GET('/statistics/outcomes', { params: { query } }).then(({ data, error: e, response }) => {
      if (e || !data) setError(problemText(asProblem(e, response), t));
      else {
        setError(undefined);
        setStats(data);
      }
    });
  }, [filter, t]);

  const label = (code: string) => t(`values.${code}`, { ns: 'commands', defaultValue: code });
  const counts = (byCode: Record<string, number>) =>
    Object.entries(byCode)
      .sort((a, b) => b[1] - a[1])
      .map(([code, value]) => ({ label: label(code), value }));
  // continuations by provider and service type: one bar per provider · service type · continuation
  const byProvider = new Map<
    string,
    { provider: string; serviceType: string; continuation: string; periods: number }
  >();
  for (const r of stats?.rows ?? []) {
    const key = `${r.providerId}|${r.serviceType}|${r.continuation}`;
    const cur = byProvider.get(key) ?? {
      provider: r.providerId,
      serviceType: r.serviceType,
      continuation: r.continuation,
      periods: 0,
    };
    cur.periods += r.periods;
    byProvider.set(key, cur);
  }
  const providerRows = [...byProvider.values()].sort((a, b) => b.periods - a.periods);

  return (
    <section aria-labelledby="outcomes-title" className="panel">
      <h2 id="outcomes-title" className="section-title">
        {t('reports.outcomes')}
      </h2>
      <ReportFilters idPrefix="outcomes" label={t('reports.outcomeFilters')} initial={filter} onApply={setFilter} />
      {error && <InlineAlert status="error">{error}</InlineAlert>}
      {stats && (
        <>
          <p>{t('reports.total', { count: stats.total })}</p>
          <h3>{t('reports.byEndReason')}</h3>
          <BarChart title={t('reports.byEndReason')} bars={counts(stats.byEndReason)} />
          <BarTable
            caption={t('reports.byEndReason')}
            headers={[t('reports.endReason'), t('reports.periods')]}
            rows={counts(stats.byEndReason).map((b) => [b.label, b.value])}
          />
          <h3>{t('reports.byContinuation')}</h3>
          <BarChart title={t('reports.byContinuation')} bars={counts(stats.byContinuation)} />
          <BarTable
            caption={t('reports.byContinuation')}
            headers={[t('reports.continuation'), t('reports.periods')]}
            rows={counts(stats.byContinuation).map((b) => [b.label, b.value])}
          />
          <h3>{t('reports.byProvider')}</h3>
          <BarChart
            title={t('reports.byProvider')}
            bars={providerRows.map((r) => ({
              label: `${r.provider} · ${label(r.serviceType)} → ${label(r.continuation)}`,
              value: r.periods,
            }))}
          />
          <BarTable
            caption={t('reports.byProvider')}
            headers={[t('reports.provider'), t('reports.serviceType'), t('reports.continuation'), t('reports.periods')]}
            rows={providerRows.map((r) => [r.provider, label(r.serviceType), label(r.continuation), r.periods])}
          />
        </>
      )}
    </section>
  );
}
