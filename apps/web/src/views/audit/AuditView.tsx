import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';
import { AuditLogSection } from './AuditLogSection';
import { IntegrityCheck } from './IntegrityCheck';

/** `#/audit` (auditors): the usage and disclosure logs with filters and paging, and the hash-chain check. */
export function AuditView() {
  const { t } = useTranslation();
  return (
    <>
      <Heading variant="h1">{t('auditLogs.title')}</Heading>
      <p>{t('auditLogs.intro')}</p>
      <IntegrityCheck />
      <AuditLogSection kind="usage" />
      <AuditLogSection kind="disclosures" />
    </>
  );
}
