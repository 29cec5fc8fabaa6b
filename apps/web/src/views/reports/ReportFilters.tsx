import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';

/** A report's text filters: edited as a draft, applied together (one request, not one per key). */
export function ReportFilters<F extends Record<string, string>>({
  idPrefix,
  label,
  initial,
  onApply,
}: {
  idPrefix: string;
  label: string;
  initial: F;
  onApply: (filter: F) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  return (
    <form
      className="filters"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      {Object.keys(initial).map((f) => (
        <div className="field" key={f}>
          <label htmlFor={`${idPrefix}-${f}`}>{t(`reports.${f}`)}</label>
          <input
            id={`${idPrefix}-${f}`}
            type="text"
            value={draft[f]}
            onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
          />
        </div>
      ))}
      <Button type="submit" variant="secondary">
        {t('reports.apply')}
      </Button>
    </form>
  );
}
