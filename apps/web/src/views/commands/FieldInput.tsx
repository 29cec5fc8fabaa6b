import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CommandField, FieldValue } from './command-model';

/** A field's name in words: each part of a dotted name (`scope.organisationIds`: "Scope – Organisations"). */
export const nameLabel = (t: TFunction, name: string): string =>
  name
    .split('.')
    .map((p) => t(`fields.${p}`, { ns: 'commands' }))
    .join(' – ');

/** A field's label in the user's language: its name in words, the date format, "optional". */
export function fieldLabel(t: TFunction, field: Pick<CommandField, 'name' | 'kind' | 'required'>): string {
  return (
    nameLabel(t, field.name) +
    (field.kind === 'date' ? ` (${t('commands.dateFormat')})` : '') +
    (field.required ? '' : ` (${t('commands.optional')})`)
  );
}

/** One input with its label (in the user's language) and the refusal that names it. */
export function FieldInput({
  field,
  value,
  choices,
  error,
  onChange,
  ...props
}: {
  field: CommandField;
  value: FieldValue | undefined;
  choices?: { value: string; label: string }[];
  error?: string;
  onChange(v: string | boolean | string[]): void;
  /** The input's id (default from the field's name; a row's field adds the row). */
  id?: string;
}) {
  const { t } = useTranslation();
  const id = props.id ?? `cmd-${field.name.replace(/\W/g, '-')}`;
  const label = fieldLabel(t, field);
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
    const ticked = Array.isArray(value) ? (value as string[]) : [];
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
      ) : field.kind === 'longText' || field.kind === 'list' ? (
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
