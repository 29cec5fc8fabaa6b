import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineAlert } from 'suomifi-ui-components';
import { api } from '../../api/client';
import { asProblem, problemText } from '../../api/problem';
import type { components } from '../../api/schema';
import { BarChart, BarTable } from './BarChart';
import { ReportFilters } from './ReportFilters';

type Ledger = components['schemas']['LedgerAnswer'];

/** The compensation ledger: attended days and euros per month, payer and component. */
export function LedgerReport() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState({ fromMonth: '', toMonth: '' });
  const [ledger, setLedger] = useState<Ledger>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v.trim() !== ''));
    void api.GET('/compensation/ledger', { params: { query } }).then(({ data, error: e, response }) => {
      if (e || !data) setError(problemText(asProblem(e, response), t));
      else {
        setError(undefined);
        setLedger(data);
      }
    });
  }, [filter, t]);
  const euros = (n: number) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'EUR' }).format(n);
  const label = (code: string) => t(`values.${code}`, { ns: 'commands', defaultValue: code });
  const byPayer = new Map<string, number>();
  for (const r of ledger?.rows ?? []) byPayer.set(r.payer, (byPayer.get(r.payer) ?? 0) + r.euros);
  const payerBars = [...byPayer.entries()].map(([payer, value]) => ({ label: label(payer), value }));

  return (
    <section aria-labelledby="ledger-title" className="panel">
      <h2 id="ledger-title" className="section-title">
        {t('reports.ledger')}
      </h2>
      <ReportFilters idPrefix="ledger" label={t('reports.ledgerFilters')} initial={filter} onApply={setFilter} />
      {error && <InlineAlert status="error">{error}</InlineAlert>}
      {ledger && (
        <>
          <p>{t('reports.totalEuros', { euros: euros(ledger.totalEuros) })}</p>
          <BarChart title={t('reports.byPayer')} bars={payerBars} format={euros} />
          <BarTable
            caption={t('reports.ledger')}
            headers={[
              t('reports.month'),
              t('reports.payer'),
              t('reports.component'),
              t('reports.attendedDays'),
              t('reports.euros'),
              t('reports.clients'),
            ]}
            rows={ledger.rows.map((r) => [
              r.month,
              label(r.payer),
              label(r.component),
              r.attendedDays,
              euros(r.euros),
              r.clients,
            ])}
          />
        </>
      )}
    </section>
  );
}
