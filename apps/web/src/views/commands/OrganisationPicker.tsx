import { type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { OrganisationRef } from '../../api/gaps';
import type { components } from '../../api/schema';
import { organisationChoices } from './command-model';

type OrganisationType = components['schemas']['OrganisationItemView']['organisationType'];
type Option = { organisation: OrganisationRef; onPath: boolean; typed?: boolean };

/** A search text the directory can answer (it refuses one without letters or digits). */
const searchable = (text: string) => /[\p{L}\p{N}]/u.test(text);

/**
 * Chooses an organisation from the directory (`GET /organisations`), searched by name or id
 * as one types; the organisations on the client's path come first. An id the directory does
 * not know yet can still be typed and chosen (a provider no event has named). A combobox of
 * the ARIA 1.2 pattern (Suomi.fi's SingleSelect fails axe: its aria-controls names a list
 * that exists only while open): arrows move, Enter chooses, Escape closes.
 */
export function OrganisationPicker({
  id,
  label,
  known,
  type,
  value,
  error,
  onPick,
}: {
  id: string;
  label: string;
  /** The organisations on the client's path, offered first. */
  known: OrganisationRef[];
  /** Offer only organisations of this type (a provider's field). */
  type?: OrganisationType;
  /** The chosen organisation's id ('' = none). */
  value: string;
  error?: string;
  /** The chosen organisation, or undefined when the choice is cleared. */
  onPick(o: OrganisationRef | undefined): void;
}) {
  const { t } = useTranslation();
  /** What is typed since the last choice; undefined: the input shows the chosen organisation. */
  const [text, setText] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [found, setFound] = useState<OrganisationRef[]>([]);
  const [chosen, setChosen] = useState<OrganisationRef | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const query = (text ?? '').trim();

  useEffect(() => {
    let current = true;
    setLoading(true);
    // a pause in typing, then one request
    const timer = setTimeout(() => {
      void api
        .GET('/organisations', {
          params: { query: { ...(searchable(query) && { q: query }), ...(type && { type }), limit: 20 } },
        })
        .then(({ data }) => {
          if (!current) return;
          setFound((data?.items ?? []).map((o) => ({ ...o, name: o.name ?? undefined })));
          setLoading(false);
        })
        .catch(() => current && setLoading(false)); // offline: the path's organisations and typing an id still work
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, type]);

  const options: Option[] = organisationChoices(known, found, type, query);
  if (query && !options.some((o) => o.organisation.organisationId === query))
    options.push({ organisation: { organisationId: query, organisationType: '' }, onPath: false, typed: true });
  const labelOf = (o: Option) =>
    o.typed
      ? t('commands.organisationPicker.addById', { id: o.organisation.organisationId })
      : `${o.organisation.name ?? o.organisation.organisationId} (${t(`values.${o.organisation.organisationType}`, { ns: 'commands' })}` +
        `${o.organisation.name ? `, ${o.organisation.organisationId}` : ''})` +
        (o.onPath ? ` – ${t('commands.organisationPicker.onPath')}` : '');
  const current =
    chosen?.organisationId === value ? chosen : [...known, ...found].find((o) => o.organisationId === value);
  const shown = text ?? (value ? (current?.name ?? value) : '');

  const listId = `${id}-options`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const expanded = open && options.length > 0;
  const pick = (o: Option) => {
    const organisation = o.typed
      ? { organisationId: o.organisation.organisationId, organisationType: '' }
      : o.organisation;
    setChosen(organisation);
    onPick(organisation);
    setText(undefined);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (options.length === 0 ? -1 : (a + step + options.length) % options.length));
    } else if (e.key === 'Enter' && expanded && active >= 0 && options[active]) {
      e.preventDefault(); // chooses, does not submit the form
      pick(options[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };
  const errorId = `${id}-error`;
  const status = loading
    ? t('commands.organisationPicker.loading')
    : open && text !== undefined
      ? options.length
        ? t('commands.organisationPicker.available', { count: options.length })
        : t('commands.organisationPicker.noItems')
      : '';

  return (
    <div className="field organisation-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        placeholder={t('commands.organisationPicker.placeholder')}
        value={shown}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
          if (e.target.value.trim() === '') onPick(undefined); // cleared
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
          setText(undefined); // what was typed but not chosen is let go
        }}
        onKeyDown={onKeyDown}
        {...(error && { 'aria-describedby': errorId, 'aria-invalid': true })}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t('commands.organisationPicker.choices', { field: label })}
        className="organisation-options"
        hidden={!expanded}
      >
        {options.map((o, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the input's (aria-activedescendant): the focus stays there
          <div
            key={`${o.typed ? 'typed' : 'org'}-${o.organisation.organisationId}`}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            // keeps the focus in the input, so the choice is not lost to its blur
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(o)}
          >
            {labelOf(o)}
          </div>
        ))}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
