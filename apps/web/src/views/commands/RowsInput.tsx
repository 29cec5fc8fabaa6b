import { useTranslation } from 'react-i18next';
import type { ClientPath } from '../../api/gaps';
import {
  type CommandField,
  type FormValues,
  initialValues,
  knownOrganisations,
  organisationFieldOf,
  pickedOrganisationValues,
  rowFieldName,
  rowName,
} from './command-model';
import { FieldInput, fieldLabel, nameLabel } from './FieldInput';
import { OrganisationPicker } from './OrganisationPicker';

/**
 * A list of objects (`services`, `parties`, …) as repeatable rows: each row a labelled group of
 * the item schema's fields, added and removed with buttons. An organisation's id (a row that
 * refers to one, a provider's id) is chosen from the organisation directory, the path's own
 * organisations first; choosing one fills the row's type and name too.
 * The API's messages for a row's field (`services[1].serviceType`) show beside that field.
 */
export function RowsInput({
  field,
  rows,
  path,
  errors,
  hint,
  onChange,
}: {
  field: CommandField;
  rows: FormValues[];
  path?: ClientPath;
  /** Messages by form field name, rows' fields as `services[1].serviceType`. */
  errors: Record<string, string>;
  /** What the list means as a whole (e.g. what choosing none means), under its legend. */
  hint?: string;
  onChange(rows: FormValues[]): void;
}) {
  const { t } = useTranslation();
  const id = `cmd-${field.name.replace(/\W/g, '-')}`;
  const label = nameLabel(t, field.name);
  const fields = field.fields ?? [];
  const known = knownOrganisations(path);
  const today = new Date().toISOString().slice(0, 10);
  const update = (index: number, row: FormValues) => onChange(rows.map((r, j) => (j === index ? row : r)));
  const listError = errors[field.name];
  const describedBy = [hint && `${id}-hint`, listError && `${id}-error`].filter(Boolean).join(' ');

  return (
    <fieldset className="field rows" {...(describedBy && { 'aria-describedby': describedBy })}>
      <legend>{label + (field.required ? '' : ` (${t('commands.optional')})`)}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {rows.map((row, i) => {
        const rowLabel = t('commands.row', { field: label, number: i + 1 });
        const rowId = `${id}-${i}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is named by its place, as the API's pointers name it
          <fieldset key={i} className="row">
            <legend>{rowLabel}</legend>
            {fields.map((sub) => {
              const subId = `${rowId}-${sub.name.replace(/\W/g, '-')}`;
              const own = errors[rowFieldName(field.name, i, sub.name)];
              const organisation = organisationFieldOf(sub);
              // an organisation row's messages name the row: shown once, beside the choice
              const error =
                own ?? (field.item === 'organisation' && !organisation ? undefined : errors[rowName(field.name, i)]);
              if (!organisation)
                return (
                  <FieldInput
                    key={sub.name}
                    id={subId}
                    field={sub}
                    value={row[sub.name]}
                    error={error}
                    onChange={(v) => update(i, { ...row, [sub.name]: v })}
                  />
                );
              return (
                <OrganisationPicker
                  key={sub.name}
                  // an organisation row is one choice: its label is the organisation's
                  id={field.item === 'organisation' ? `${rowId}-organisation` : subId}
                  label={field.item === 'organisation' ? t('commands.organisation') : fieldLabel(t, sub)}
                  known={known}
                  type={organisation.type}
                  value={typeof row[sub.name] === 'string' ? (row[sub.name] as string) : ''}
                  error={error}
                  onPick={(o) => update(i, { ...row, ...pickedOrganisationValues(fields, sub, o) })}
                />
              );
            })}
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
