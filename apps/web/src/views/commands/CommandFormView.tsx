import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { api } from '../../api/client';
import type { ClientPath, CommandResult, Problem } from '../../api/gaps';
import { asProblem, fieldMessages } from '../../api/problem';
import {
  bodyOf,
  type CommandField,
  type CommandForm,
  choicesFor,
  FormInputError,
  type FormValues,
  formFieldOf,
  initialValues,
} from './command-model';

type Untyped = {
  POST(
    path: string,
    init: { params: { path: Record<string, string> }; body: unknown },
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
};

/**
 * Records any client command the officer or instructor may use. The fields come from the
 * OpenAPI document (`command-forms.json`); enum values are shown in the user's language; the
 * API's problem+json appears beside the field it names, else above the button.
 */
export function CommandFormView({
  forms,
  clientId,
  path,
  heading,
  onRecorded,
}: {
  forms: CommandForm[];
  /** The client the commands are about; none when registering one. */
  clientId?: string;
  path?: ClientPath;
  heading: string;
  onRecorded(result: CommandResult): void;
}) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const [operationId, setOperationId] = useState(forms[0].operationId);
  const form = forms.find((f) => f.operationId === operationId) ?? forms[0];
  const [params, setParams] = useState<Record<string, string>>({});
  const [values, setValues] = useState<FormValues>(() => initialValues(form, today));
  const [problem, setProblem] = useState<Problem | undefined>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const choose = (id: string) => {
    const next = forms.find((f) => f.operationId === id) ?? forms[0];
    setOperationId(id);
    setValues(initialValues(next, today));
    setParams(Object.fromEntries(next.pathParams.map((p) => [p, choicesFor(p, path)?.[0]?.value ?? ''])));
    setProblem(undefined);
    setSaved(false);
  };

  // Messages by form field; those the form cannot place go above the button.
  const byField: Record<string, string> = {};
  const general: string[] = [];
  if (problem) {
    for (const [field, message] of Object.entries(fieldMessages(problem, t))) {
      const at = field ? formFieldOf(field, form) : undefined;
      if (at) byField[at] ??= message;
      else general.push(message);
    }
  }

  const submit = async () => {
    setSaved(false);
    let body: Record<string, unknown>;
    try {
      body = bodyOf(form, values);
    } catch (e) {
      if (!(e instanceof FormInputError)) throw e;
      setProblem({ type: 'about:blank', title: 'Invalid', status: 0, field: e.field, detail: t('commands.notJson') });
      return;
    }
    setBusy(true);
    const pathParams = {
      ...(clientId && { clientId }),
      ...Object.fromEntries(form.pathParams.map((p) => [p, params[p] ?? ''])),
    };
    const { data, error, response } = await (api as unknown as Untyped).POST(form.path, {
      params: { path: pathParams },
      body,
    });
    setBusy(false);
    if (error || !response.ok) {
      setProblem(asProblem(error, response));
      return;
    }
    setProblem(undefined);
    setSaved(true);
    onRecorded(data as CommandResult);
  };

  const title = (id: string) => t(`titles.${id}`, { ns: 'commands' });
  return (
    <section aria-labelledby="command-title" className="panel">
      <h2 id="command-title" className="section-title">
        {heading}
      </h2>
      {forms.length > 1 && (
        <div className="field">
          <label htmlFor="cmd-operation">{t('commands.which')}</label>
          <select id="cmd-operation" value={operationId} onChange={(e) => choose(e.target.value)}>
            {forms.map((f) => (
              <option key={f.operationId} value={f.operationId}>
                {title(f.operationId)}
              </option>
            ))}
          </select>
        </div>
      )}
      <form
        noValidate
        aria-label={title(form.operationId)}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {form.pathParams.map((p) => (
          <FieldInput
            key={`${form.operationId}-${p}`}
            field={{ name: p, kind: 'text', required: true }}
            value={params[p] ?? choicesFor(p, path)?.[0]?.value ?? ''}
            choices={choicesFor(p, path)}
            error={byField[p]}
            onChange={(v) => setParams({ ...params, [p]: String(v) })}
          />
        ))}
        {form.fields.map((f) => (
          <FieldInput
            key={`${form.operationId}-${f.name}`}
            field={f}
            value={values[f.name]}
            choices={choicesFor(f.name, path)}
            error={byField[f.name]}
            onChange={(v) => setValues({ ...values, [f.name]: v })}
          />
        ))}
        {general.map((m) => (
          <InlineAlert key={m} status="error">
            {m}
          </InlineAlert>
        ))}
        {saved && <InlineAlert status="neutral">{t('commands.saved')}</InlineAlert>}
        <Button type="submit" disabled={busy} className="spaced">
          {t('commands.submit', { command: title(form.operationId) })}
        </Button>
      </form>
    </section>
  );
}

/** One input with its label (in the user's language) and the refusal that names it. */
function FieldInput({
  field,
  value,
  choices,
  error,
  onChange,
}: {
  field: CommandField;
  value: FormValues[string] | undefined;
  choices?: { value: string; label: string }[];
  error?: string;
  onChange(v: string | boolean | string[]): void;
}) {
  const { t } = useTranslation();
  const id = `cmd-${field.name.replace(/\W/g, '-')}`;
  const parts = field.name.split('.');
  const label =
    parts.map((p) => t(`fields.${p}`, { ns: 'commands' })).join(' – ') +
    (field.kind === 'date' ? ` (${t('commands.dateFormat')})` : '') +
    (field.required ? '' : ` (${t('commands.optional')})`);
  const valueLabel = (v: string) => t(`values.${v}`, { ns: 'commands' });
  const errorId = `${id}-error`;
  const described = error ? { 'aria-describedby': errorId, 'aria-invalid': true } : {};
  const message = error && (
    <p id={errorId} className="field-error">
      {error}
    </p>
  );

  if (field.kind === 'boolean')
    return (
      <div className="field checkbox-field">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
          {...described}
        />{' '}
        <label htmlFor={id}>{label}</label>
        {message}
      </div>
    );
  if (field.kind === 'list' && field.item === 'enum') {
    const ticked = Array.isArray(value) ? value : [];
    return (
      <fieldset className="field" {...(error && { 'aria-describedby': errorId })}>
        <legend>{label}</legend>
        {(field.values ?? []).map((v) => (
          <div key={v}>
            <input
              id={`${id}-${v}`}
              type="checkbox"
              checked={ticked.includes(v)}
              onChange={(e) => onChange(e.target.checked ? [...ticked, v] : ticked.filter((x) => x !== v))}
            />{' '}
            <label htmlFor={`${id}-${v}`}>{valueLabel(v)}</label>
          </div>
        ))}
        {message}
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const options =
    field.kind === 'enum' ? (field.values ?? []).map((v) => ({ value: v, label: valueLabel(v) })) : choices;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select id={id} value={text} onChange={(e) => onChange(e.target.value)} {...described}>
          {(!field.required || field.kind === 'enum') && <option value="">{t('commands.choose')}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : field.kind === 'longText' || field.kind === 'list' || field.kind === 'json' ? (
        <textarea id={id} value={text} rows={3} onChange={(e) => onChange(e.target.value)} {...described} />
      ) : (
        <input
          id={id}
          type="text"
          inputMode={field.kind === 'integer' || field.kind === 'number' ? 'decimal' : undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          {...described}
        />
      )}
      {message}
    </div>
  );
}
