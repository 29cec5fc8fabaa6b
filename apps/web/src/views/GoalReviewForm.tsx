import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, InlineAlert, TextInput, Textarea } from 'suomifi-ui-components';
import { api } from '../api/client';
import type { ClientPath, CommandResult, GoalReviewBody } from '../api/gaps';
import { fieldMessages, messageFor } from '../api/problem';
import { useSubmission } from '../api/submission';
import { allPeriods } from './path-model';

/**
 * Records a goal review (HoldGoalReview). The API's problem+json is shown next to the field it
 * names (`heldOn`, `participants`, …), in the user's language; anything else above the button.
 */
export function GoalReviewForm({
  clientId,
  path,
  onRecorded,
}: {
  clientId: string;
  path: ClientPath;
  onRecorded(position: string): void;
}) {
  const { t } = useTranslation();
  const periods = allPeriods(path);
  const [periodId, setPeriodId] = useState(periods[0]?.periodId ?? '');
  const period = periods.find((p) => p.periodId === periodId);
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [client, setClient] = useState(true);
  const [officerId, setOfficerId] = useState(path.status.leadOfficer?.personId ?? '');
  const [instructorId, setInstructorId] = useState(period?.ownInstructor?.personId ?? '');
  const [assessment, setAssessment] = useState('');
  // The problem itself is kept, so its messages follow a change of language.
  const { problem, busy, send } = useSubmission();
  const [saved, setSaved] = useState(false);

  if (periods.length === 0) return null;
  const messages = problem ? fieldMessages(problem, t) : {};
  const shown = ['periodId', 'heldOn', 'participants', 'assessment'];
  const general = Object.entries(messages)
    .filter(([field]) => !shown.some((s) => field === s || field.startsWith(`${s}.`)))
    .map(([, m]) => m);
  const status = (field: string) => (messageFor(messages, field) ? ('error' as const) : ('default' as const));

  const submit = async () => {
    setSaved(false);
    const body: GoalReviewBody = {
      heldOn,
      assessment,
      participants: {
        client,
        ...(officerId && { responsibleOfficerId: officerId }),
        ...(instructorId && { ownInstructorId: instructorId }),
      },
    };
    const recorded = await send<CommandResult>(() =>
      api.POST('/clients/{clientId}/periods/{periodId}/goal-reviews', {
        params: { path: { clientId, periodId } },
        body: body as never,
      }),
    );
    if (!recorded) return;
    setSaved(true);
    onRecorded(recorded.position);
  };

  return (
    <section aria-labelledby="goal-review-title" className="panel">
      <h2 id="goal-review-title" className="section-title">
        {t('goalReview.title')}
      </h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="gr-period">{t('goalReview.period')}</label>
          <select
            id="gr-period"
            value={periodId}
            aria-describedby={messageFor(messages, 'periodId') ? 'gr-period-error' : undefined}
            aria-invalid={status('periodId') === 'error'}
            onChange={(e) => {
              setPeriodId(e.target.value);
              setInstructorId(periods.find((p) => p.periodId === e.target.value)?.ownInstructor?.personId ?? '');
            }}
          >
            {periods.map((p) => (
              <option key={p.periodId} value={p.periodId}>
                {t(`serviceType.${p.serviceType}`, { defaultValue: p.serviceName ?? p.serviceType })} {p.startDate}–
                {p.endDate ?? ''}
              </option>
            ))}
          </select>
          {messageFor(messages, 'periodId') && (
            <p id="gr-period-error" className="field-error">
              {messageFor(messages, 'periodId')}
            </p>
          )}
        </div>
        <TextInput
          id="gr-heldOn"
          labelText={t('goalReview.heldOn')}
          value={heldOn}
          onChange={(v) => setHeldOn(String(v ?? ''))}
          status={status('heldOn')}
          statusText={messageFor(messages, 'heldOn')}
        />
        <fieldset
          className="field"
          aria-describedby={messageFor(messages, 'participants') ? 'gr-participants-error' : undefined}
        >
          <legend>{t('goalReview.participants')}</legend>
          <Checkbox checked={client} onClick={({ checkboxState }) => setClient(checkboxState)}>
            {t('goalReview.client')}
          </Checkbox>
          <TextInput
            labelText={t('goalReview.responsibleOfficer')}
            value={officerId}
            onChange={(v) => setOfficerId(String(v ?? ''))}
          />
          <TextInput
            labelText={t('goalReview.ownInstructor')}
            value={instructorId}
            onChange={(v) => setInstructorId(String(v ?? ''))}
          />
          {messageFor(messages, 'participants') && (
            <p id="gr-participants-error" className="field-error" role="alert">
              {messageFor(messages, 'participants')}
            </p>
          )}
        </fieldset>
        <Textarea
          id="gr-assessment"
          labelText={t('goalReview.assessment')}
          value={assessment}
          onChange={(e) => setAssessment(e.target.value)}
          status={status('assessment')}
          statusText={messageFor(messages, 'assessment')}
          fullWidth
        />
        {general.map((m) => (
          <InlineAlert key={m} status="error">
            {m}
          </InlineAlert>
        ))}
        {saved && <InlineAlert status="neutral">{t('goalReview.saved')}</InlineAlert>}
        <Button type="submit" disabled={busy} className="spaced">
          {t('goalReview.submit')}
        </Button>
      </form>
    </section>
  );
}
