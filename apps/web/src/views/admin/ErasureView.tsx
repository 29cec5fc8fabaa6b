import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { api } from '../../api/client';
import type { CommandResult } from '../../api/gaps';
import { fieldMessages } from '../../api/problem';
import { useSubmission } from '../../api/submission';
import { ERASURE_FORM, FieldInput } from '../commands';
import { bodyOf, type FormValues, formFieldOf, initialValues } from '../commands/command-model';

type ErasureResult = CommandResult & { erased: boolean };

/**
 * The administrator's erasure of a client's personal data (the register keeper's duty): the
 * ground and notes from the API document's form, then an explicit confirmation (typing the
 * client id again, as the client's key is destroyed for good), then what the API answered.
 */
export function ErasureView() {
  const { t } = useTranslation();
  const form = ERASURE_FORM;
  const [clientId, setClientId] = useState('');
  const [values, setValues] = useState<FormValues>(() => (form ? initialValues(form, '') : {}));
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const { problem, setProblem, busy, send } = useSubmission();
  const [result, setResult] = useState<ErasureResult>();
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);
  if (!form) return null;

  const byField: Record<string, string> = {};
  const general: string[] = [];
  if (problem)
    for (const [field, message] of Object.entries(fieldMessages(problem, t))) {
      const at = field === 'clientId' ? field : field ? formFieldOf(field, form) : undefined;
      if (at) byField[at] ??= message;
      else general.push(message);
    }
  if (!clientId.trim() && problem?.field === 'clientId') byField.clientId = t('erasure.clientIdMissing');

  const erase = async () => {
    if (typed.trim() !== clientId.trim()) {
      setMismatch(true);
      return;
    }
    const erased = await send<ErasureResult>(() =>
      api.POST('/admin/clients/{clientId}/erasure', {
        params: { path: { clientId: clientId.trim() } },
        body: bodyOf(form, values) as never,
      }),
    );
    setConfirming(false);
    setTyped('');
    if (erased) setResult(erased);
  };

  return (
    <>
      <Heading variant="h1">{t('erasure.title')}</Heading>
      <Paragraph className="hint">{t('erasure.intro')}</Paragraph>
      <section aria-labelledby="erasure-form-title" className="panel">
        <h2 id="erasure-form-title" className="section-title">
          {t(`titles.${form.operationId}`, { ns: 'commands' })}
        </h2>
        <form
          noValidate
          aria-labelledby="erasure-form-title"
          onSubmit={(e) => {
            e.preventDefault();
            if (!clientId.trim()) {
              setProblem({ type: 'about:blank', title: 'Invalid', status: 0, field: 'clientId' });
              return;
            }
            setProblem(undefined);
            setResult(undefined);
            setMismatch(false);
            setConfirming(true);
          }}
        >
          <FieldInput
            id="erasure-clientId"
            field={{ name: 'erasureClientId', kind: 'text', required: true }}
            value={clientId}
            error={byField.clientId}
            onChange={(v) => {
              setClientId(String(v));
              setConfirming(false);
            }}
          />
          {form.fields.map((f) => (
            <FieldInput
              key={f.name}
              id={`erasure-${f.name}`}
              field={f}
              value={values[f.name]}
              error={byField[f.name]}
              onChange={(v) => setValues({ ...values, [f.name]: v })}
            />
          ))}
          {general.map((m) => (
            <InlineAlert key={m} status="error">
              {m}
            </InlineAlert>
          ))}
          {!confirming && (
            <Button type="submit" className="spaced">
              {t('erasure.next')}
            </Button>
          )}
        </form>
      </section>
      {confirming && (
        <section aria-labelledby="erasure-confirm-title" className="panel confirm">
          <h2 id="erasure-confirm-title" className="section-title" tabIndex={-1} ref={confirmHeading}>
            {t('erasure.confirmTitle')}
          </h2>
          <Paragraph>{t('erasure.warning', { clientId: clientId.trim() })}</Paragraph>
          <form
            noValidate
            aria-labelledby="erasure-confirm-title"
            onSubmit={(e) => {
              e.preventDefault();
              void erase();
            }}
          >
            <FieldInput
              id="erasure-confirm"
              field={{ name: 'confirmClientId', kind: 'text', required: true }}
              value={typed}
              error={mismatch ? t('erasure.mismatch') : undefined}
              onChange={(v) => {
                setTyped(String(v));
                setMismatch(false);
              }}
            />
            <div className="actions">
              <Button type="submit" disabled={busy}>
                {t('erasure.erase', { clientId: clientId.trim() })}
              </Button>{' '}
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('erasure.cancel')}
              </Button>
            </div>
          </form>
        </section>
      )}
      {result && (
        <section aria-labelledby="erasure-result-title" className="panel" aria-live="polite">
          <h2 id="erasure-result-title" className="section-title">
            {t(result.erased ? 'erasure.done' : 'erasure.notDone')}
          </h2>
          <dl className="facts">
            <dt>{t('erasure.client')}</dt>
            <dd>{result.clientId}</dd>
            <dt>{t('erasure.erased')}</dt>
            <dd>{t(result.erased ? 'erasure.yes' : 'erasure.no')}</dd>
            <dt>{t('erasure.replayed')}</dt>
            <dd>{t(result.replayed ? 'erasure.yes' : 'erasure.no')}</dd>
            <dt>{t('erasure.version')}</dt>
            <dd>{result.streamVersion}</dd>
            <dt>{t('erasure.position')}</dt>
            <dd>{result.position}</dd>
          </dl>
        </section>
      )}
    </>
  );
}
