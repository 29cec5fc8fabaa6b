import { useTranslation } from 'react-i18next';
import type { ClientPath, OrganisationRef } from '../../api/gaps';
import {
  type CommandField,
  type FormValues,
  initialValues,
  knownOrganisations,
  rowFieldName,
  rowName,
} from './command-model';
import { FieldInput } from './FieldInput';

/**
 * A list of objects (`services`, `parties`, …) as repeatable rows: each row a labelled group of
 * the item schema's fields, added and removed with buttons. Rows that refer to an organisation
 * are one choice among the organisations the path knows; a provider is chosen the same way.
 * The API's messages for a row's field (`services[1].serviceType`) show beside that field.
 */
export function RowsInput({
  field,
  rows,
  path,
  errors,
  onChange,
}: {
  field: CommandField;
  rows: FormValues[];
  path?: ClientPath;
  /** Messages by form field name, rows' fields as `services[1].serviceType`. */
  errors: Record<string, string>;
  onChange(rows: FormValues[]): void;
}) {
  const { t } = useTranslation();
  const id = `cmd-${field.name.replace(/\W/g, '-')}`;
  const label = t(`fields.${field.name}`, { ns: 'commands' });
  const fields = field.fields ?? [];
  const known = knownOrganisations(path);
  const providers = known
    .filter((o) => o.organisationType === 'provider')
    .map((o) => ({ value: o.organisationId, label: o.name ?? o.organisationId }));
  const today = new Date().toISOString().slice(0, 10);
  const update = (index: number, row: FormValues) => onChange(rows.map((r, j) => (j === index ? row : r)));
  const listError = errors[field.name];

  return (
    <fieldset className="field rows" {...(listError && { 'aria-describedby': `${id}-error` })}>
      <legend>{label + (field.required ? '' : ` (${t('commands.optional')})`)}</legend>
      {rows.map((row, i) => {
        const rowLabel = t('commands.row', { field: label, number: i + 1 });
        const rowId = `${id}-${i}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is named by its place, as the API's pointers name it
          <fieldset key={i} className="row">
            <legend>{rowLabel}</legend>
            {field.item === 'organisation' && known.length > 0 ? (
              <OrganisationChoice
                id={`${rowId}-organisation`}
                known={known}
                value={typeof row.organisationId === 'string' ? row.organisationId : ''}
                error={errors[rowName(field.name, i)]}
                onChange={(o) =>
                  update(i, {
                    ...row,
                    organisationId: o.organisationId,
                    organisationType: o.organisationType,
                    name: o.name ?? '',
                  })
                }
              />
            ) : (
              fields.map((sub) => (
                <FieldInput
                  key={sub.name}
                  id={`${rowId}-${sub.name.replace(/\W/g, '-')}`}
                  field={sub}
                  value={row[sub.name]}
                  choices={sub.name === 'providerId' && providers.length ? providers : undefined}
                  error={errors[rowFieldName(field.name, i, sub.name)] ?? errors[rowName(field.name, i)]}
                  onChange={(v) => update(i, { ...row, [sub.name]: v })}
                />
              ))
            )}
            <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('commands.removeRow', { row: rowLabel })}
            </button>
          </fieldset>
        );
      })}
      {listError && (
        <p id={`${id}-error`} className="field-error">
          {listError}
        </p>
      )}
      <button type="button" onClick={() => onChange([...rows, initialValues({ fields }, today)])}>
        {t('commands.addRow', { field: label })}
      </button>
    </fieldset>
  );
}

/** One organisation reference chosen by name among the known ones (its id, kind and name go together). */
function OrganisationChoice({
  id,
  known,
  value,
  error,
  onChange,
}: {
  id: string;
  known: OrganisationRef[];
  value: string;
  error?: string;
  onChange(o: OrganisationRef): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('commands.organisation')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const chosen = known.find((o) => o.organisationId === e.target.value);
          if (chosen) onChange(chosen);
        }}
        {...(error && { 'aria-describedby': `${id}-error`, 'aria-invalid': true })}
      >
        <option value="">{t('commands.choose')}</option>
        {known.map((o) => (
          <option key={o.organisationId} value={o.organisationId}>
            {`${o.name ?? o.organisationId} (${t(`values.${o.organisationType}`, { ns: 'commands' })})`}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
