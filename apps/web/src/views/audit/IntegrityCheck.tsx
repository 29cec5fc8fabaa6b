import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { asProblem, problemText } from '../../api/problem';

type Verification = components['schemas']['ChainVerificationView'];

/** The API's hash-chain verification: that the history is intact, or its first broken link. */
export function IntegrityCheck() {
  const { t } = useTranslation();
  const [clientId, setClientId] = useState('');
  const [result, setResult] = useState<Verification>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setResult(undefined);
    const query = clientId.trim() ? { clientId: clientId.trim() } : {};
    const { data, error: e, response } = await api.GET('/audit/integrity', { params: { query } });
    setBusy(false);
    if (e || !data) setError(problemText(asProblem(e, response), t));
    else {
      setError(undefined);
      setResult(data);
    }
  };
  return (
    <section aria-labelledby="integrity-title" className="panel">
      <h2 id="integrity-title" className="section-title">
        {t('integrity.title')}
      </h2>
      <p>{t('integrity.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void verify();
        }}
      >
        <div className="field">
          <label htmlFor="integrity-client">{t('integrity.clientId')}</label>
          <input id="integrity-client" type="text" value={clientId} onChange={(e) => setClientId(e.target.value)} />
        </div>
        <Button type="submit" disabled={busy}>
          {t('integrity.verify')}
        </Button>
      </form>
      <div role="status">
        {result?.intact && (
          <InlineAlert status="neutral">{t('integrity.intact', { count: result.checked ?? 0 })}</InlineAlert>
        )}
        {result && !result.intact && (
          <InlineAlert status="error">
            {t('integrity.broken', {
              clientId: result.clientId ?? '',
              version: result.streamVersion ?? '',
              eventId: result.eventId ?? '',
              reason: result.reason ?? '',
            })}
          </InlineAlert>
        )}
        {error && <InlineAlert status="error">{error}</InlineAlert>}
      </div>
    </section>
  );
}
