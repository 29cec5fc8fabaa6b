import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SingleSelect } from 'suomifi-ui-components';
import { api } from '../../api/client';
import type { OrganisationRef } from '../../api/gaps';
import type { components } from '../../api/schema';
import { organisationChoices } from './command-model';

type OrganisationType = components['schemas']['OrganisationItemView']['organisationType'];
type Item = { uniqueItemId: string; labelText: string; organisation?: OrganisationRef };

/** A search text the directory can answer (it refuses one without letters or digits). */
const searchable = (text: string) => /[\p{L}\p{N}]/u.test(text);

/**
 * Chooses an organisation from the directory (`GET /organisations`), searched by name or id
 * as one types; the organisations on the client's path come first. An id the directory does
 * not know yet can still be typed and chosen (a provider no event has named).
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
  const [text, setText] = useState('');
  const [found, setFound] = useState<OrganisationRef[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let current = true;
    const q = text.trim();
    setLoading(true);
    void api
      .GET('/organisations', { params: { query: { ...(searchable(q) && { q }), ...(type && { type }), limit: 20 } } })
      .then(({ data }) => {
        if (!current) return;
        setFound((data?.items ?? []).map((o) => ({ ...o, name: o.name ?? undefined })));
        setLoading(false);
      })
      .catch(() => current && setLoading(false)); // offline: the path's organisations and typing an id still work
    return () => {
      current = false;
    };
  }, [text, type]);

  // The same items while nothing changes: SingleSelect starts its list over on new items.
  const knownKey = JSON.stringify(known);
  // biome-ignore lint/correctness/useExhaustiveDependencies: known is compared by its content (knownKey)
  const items: Item[] = useMemo(
    () =>
      organisationChoices(known, found, type, text).map(({ organisation: o, onPath }) => ({
        uniqueItemId: o.organisationId,
        labelText:
          `${o.name ?? o.organisationId} (${t(`values.${o.organisationType}`, { ns: 'commands' })}` +
          `${o.name ? `, ${o.organisationId}` : ''})` +
          (onPath ? ` – ${t('commands.organisationPicker.onPath')}` : ''),
        organisation: o,
      })),
    [knownKey, found, type, text, t],
  );
  const selected: Item | null = value
    ? (items.find((i) => i.uniqueItemId === value) ?? { uniqueItemId: value, labelText: value })
    : null;

  return (
    <div className="field">
      <SingleSelect<Item>
        id={id}
        labelText={label}
        items={items}
        selectedItem={selected}
        onItemSelectionChange={(item) =>
          // an added item is the text as typed (SingleSelect lower-cases its uniqueItemId)
          onPick(
            item ? (item.organisation ?? { organisationId: item.labelText.trim(), organisationType: '' }) : undefined,
          )
        }
        onChange={setText}
        debounce={250}
        clearButtonLabel={t('commands.organisationPicker.clear')}
        visualPlaceholder={t('commands.organisationPicker.placeholder')}
        allowItemAddition
        itemAdditionHelpText={t('commands.organisationPicker.addById')}
        loading={loading}
        loadingText={t('commands.organisationPicker.loading')}
        ariaOptionsAvailableTextFunction={(count) => t('commands.organisationPicker.available', { count })}
        status={error ? 'error' : 'default'}
        statusText={error}
        fullWidth
      />
    </div>
  );
}
