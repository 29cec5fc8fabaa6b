import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';
import { LedgerReport } from './LedgerReport';
import { OutcomeReport } from './OutcomeReport';

/** `#/reports`: outcome statistics and the compensation ledger (aggregates: no client data). */
export function ReportsView() {
  const { t } = useTranslation();
  return (
    <>
      <Heading variant="h1">{t('reports.title')}</Heading>
      <OutcomeReport />
      <LedgerReport />
    </>
  );
}
