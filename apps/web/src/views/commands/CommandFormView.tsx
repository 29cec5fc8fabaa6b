import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, InlineAlert } from 'suomifi-ui-components';
import { api } from '../../api/client';
import type { ClientPath, CommandResult } from '../../api/gaps';
import { fieldMessages } from '../../api/problem';
import { useSubmission } from '../../api/submission';
import {
  bodyOf,
  type CommandForm,
  choicesFor,
  type FormValues,
  formFieldOf,
  initialValues,
  knownOrganisations,
  organisationFieldOf,
  organisationListRows,
  pickedOrganisationValues,
} from './command-model';
import { FieldInput, fieldLabel } from './FieldInput';
import { OrganisationPicker } from './OrganisationPicker';
import { RowsInput } from './RowsInput';

type Untyped = {
  POST(
    path: string,
    init: { params: { path: Record<string, string> }; body: unknown },
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
};

/**
 * Records any client command the officer or instructor may use. The fields come from the
 * OpenAPI document (`command-forms.json`); enum values are shown in the user's language; an
 * organisation's id is chosen from the organisation directory; the API's problem+json appears
 * beside the field it names, else above the button.
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
  const { problem, setProblem, busy, send } = useSubmission();
  const [saved, setSaved] = useState(false);

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
    const body = bodyOf(form, values);
    const pathParams = {
      ...(clientId && { clientId }),
      ...Object.fromEntries(form.pathParams.map((p) => [p, params[p] ?? ''])),
    };
    const recorded = await send<CommandResult>(() =>
      (api as unknown as Untyped).POST(form.path, { params: { path: pathParams }, body }),
    );
    if (!recorded) return;
    setSaved(true);
    onRecorded(recorded);
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
        {form.fields
          .map((f) => ({ f, rows: f.kind === 'rows' ? f : organisationListRows(f) }))
          .map(({ f, rows }) =>
            organisationFieldOf(f) ? (
              <OrganisationPicker
                key={`${form.operationId}-${f.name}`}
                id={`cmd-${f.name.replace(/\W/g, '-')}`}
                label={fieldLabel(t, f)}
                known={knownOrganisations(path)}
                type={organisationFieldOf(f)?.type}
                value={typeof values[f.name] === 'string' ? (values[f.name] as string) : ''}
                error={byField[f.name]}
                onPick={(o) => setValues({ ...values, ...pickedOrganisationValues(form.fields, f, o) })}
              />
            ) : rows ? (
              <RowsInput
                key={`${form.operationId}-${f.name}`}
                field={rows}
                // a list of organisations' ids shown as rows: say what choosing none means
                hint={rows !== f ? t('commands.noOrganisationChosen') : undefined}
                rows={(values[f.name] as FormValues[] | undefined) ?? []}
                path={path}
                errors={byField}
                onChange={(rows) => setValues({ ...values, [f.name]: rows })}
              />
            ) : (
              <FieldInput
                key={`${form.operationId}-${f.name}`}
                field={f}
                value={values[f.name]}
                choices={choicesFor(f.name, path)}
                error={byField[f.name]}
                onChange={(v) => setValues({ ...values, [f.name]: v })}
              />
            ),
          )}
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
