import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, InlineAlert, RadioButton, RadioButtonGroup, TextInput } from 'suomifi-ui-components';
import { api } from '../api/client';
import type { ClientPath, ReplayedPath, TimelineEntry } from '../api/gaps';
import { asProblem, problemText } from '../api/problem';
import { spanOf } from './path-model';
import { Timeline } from './Timeline';
import type { TimelineZoom } from './timeline-zoom';

type Mode = 'asKnownOn' | 'asOf';

/** Today's entries the replay does not have: what changed since (recorded or happened later). */
export function changedSince(today: ClientPath, replay: ReplayedPath): Set<string> {
  const before = new Set(replay.timeline.map((e) => e.eventId));
  return new Set(today.timeline.filter((e) => !before.has(e.eventId)).map((e) => e.eventId));
}

interface Props {
  clientId: string;
  today: ClientPath;
  replay: ReplayedPath | undefined;
  onReplay(replay: ReplayedPath | undefined): void;
  names: Map<string, string>;
  selected: string | undefined;
  onSelect(entry: TimelineEntry): void;
  /** Today's timeline's zoom: the comparison zooms with it. */
  zoom: TimelineZoom;
}

/** An auditor's replay: the path as known on / as of a date, beside today's (computed from the events). */
export function ReplayPanel({ clientId, today, replay, onReplay, names, selected, onSelect, zoom }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('asKnownOn');
  const [date, setDate] = useState('2025-06-01');
  const [error, setError] = useState<string>();

  const show = async () => {
    const {
      data,
      error: e,
      response,
    } = await api.GET('/audit/clients/{clientId}/path', {
      params: { path: { clientId }, query: { [mode]: date } },
    });
    if (e || !data) {
      setError(problemText(asProblem(e, response), t));
      onReplay(undefined);
      return;
    }
    setError(undefined);
    onReplay(data as unknown as ReplayedPath);
  };
  const changed = replay ? changedSince(today, replay) : undefined;
  return (
    <section aria-labelledby="replay-title" className="panel">
      <h2 id="replay-title" className="section-title">
        {t('audit.replay')}
      </h2>
      <p className="hint">{t('audit.intro')}</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void show();
        }}
      >
        <RadioButtonGroup
          labelText={t('audit.mode')}
          name="replay-mode"
          value={mode}
          onChange={(v) => setMode(v as Mode)}
        >
          <RadioButton value="asKnownOn">{t('audit.asKnownOn')}</RadioButton>
          <RadioButton value="asOf">{t('audit.asOf')}</RadioButton>
        </RadioButtonGroup>
        <TextInput labelText={t('audit.date')} value={date} onChange={(v) => setDate(String(v ?? ''))} />
        <Button type="submit">{t('audit.show')}</Button>
      </form>
      {error && <InlineAlert status="error">{error}</InlineAlert>}
      {replay && changed && (
        <>
          <p className="hidden-note" role="status">
            {t('audit.changed', { count: changed.size })}
          </p>
          <Timeline
            path={replay}
            id="replay-timeline-title"
            names={names}
            today={replay.mode.date}
            selected={selected}
            onSelect={onSelect}
            span={spanOf(today, new Date().toISOString().slice(0, 10))}
            zoom={zoom}
            centreOn={today.timeline.find((e) => e.eventId === selected)?.occurredAt}
            title={t(replay.mode.kind === 'as_known_on' ? 'audit.titleKnown' : 'audit.titleAsOf', {
              date: replay.mode.date,
            })}
          />
        </>
      )}
    </section>
  );
}
