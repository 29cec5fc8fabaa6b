import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, RadioButton, RadioButtonGroup, TextInput } from 'suomifi-ui-components';
import { useSession } from './session';

/** Sent as X-Purpose and logged with every read; stable English words whatever the UI language. */
const PURPOSES = {
  service_planning: 'service planning',
  client_meeting: 'client meeting',
  review_preparation: 'preparing a review',
  referral_handling: 'handling a referral',
  audit: 'supervision and audit',
} as const;
type PurposeKey = keyof typeof PURPOSES | 'other';
const OWN_DATA = 'own data (703/2023 section 11)';

/** HTTP headers carry Latin-1 only: anything else is dropped from the free text. */
const headerSafe = (text: string) =>
  text
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '')
    .trim()
    .slice(0, 200);

/** Client data is read only once the purpose is stated (then remembered for the session). */
export function PurposeGate({ children }: { children: ReactNode }) {
  const { purpose, setPurpose, session } = useSession();
  const { t } = useTranslation();
  const [choice, setChoice] = useState<PurposeKey>('service_planning');
  const [other, setOther] = useState('');
  const [missing, setMissing] = useState(false);
  // A client reading their own data needs no justification; the log still records why.
  const isClient = session?.principal?.role === 'client';
  useEffect(() => {
    if (isClient && !purpose) setPurpose(OWN_DATA);
  }, [isClient, purpose, setPurpose]);
  if (purpose) return <>{children}</>;
  if (isClient) return null;

  const confirm = () => {
    const text = choice === 'other' ? headerSafe(other) : PURPOSES[choice];
    if (!text) {
      setMissing(true);
      return;
    }
    setPurpose(choice === 'other' ? `other: ${text}` : text);
  };
  return (
    <section aria-labelledby="purpose-title" className="panel">
      <Heading variant="h2" id="purpose-title">
        {t('purpose.title')}
      </Heading>
      <Paragraph mb="m">{t('purpose.intro')}</Paragraph>
      <RadioButtonGroup
        labelText={t('purpose.label')}
        name="purpose"
        value={choice}
        onChange={(v) => setChoice(v as PurposeKey)}
      >
        {[...Object.keys(PURPOSES), 'other'].map((key) => (
          <RadioButton key={key} value={key}>
            {t(`purpose.${key}`)}
          </RadioButton>
        ))}
      </RadioButtonGroup>
      {choice === 'other' && (
        <TextInput
          labelText={t('purpose.otherText')}
          value={other}
          onChange={(v) => setOther(String(v ?? ''))}
          status={missing ? 'error' : 'default'}
          statusText={missing ? t('purpose.otherMissing') : undefined}
        />
      )}
      <Button className="spaced" onClick={confirm}>
        {t('purpose.confirm')}
      </Button>
    </section>
  );
}

/** The stored (English, logged) purpose in the user's language: a listed one by its key, free text as typed. */
function shownPurpose(purpose: string, t: (key: string) => string): string {
  const key = (Object.keys(PURPOSES) as (keyof typeof PURPOSES)[]).find((k) => PURPOSES[k] === purpose);
  if (key) return t(`purpose.${key}`);
  if (purpose === OWN_DATA) return t('purpose.ownData');
  return purpose.startsWith('other: ') ? purpose.slice('other: '.length) : purpose;
}

export function PurposeNote() {
  const { purpose, setPurpose } = useSession();
  const { t } = useTranslation();
  if (!purpose) return null;
  return (
    <p className="purpose-note">
      {t('purpose.current', { purpose: shownPurpose(purpose, t) })}{' '}
      <Button variant="secondaryNoBorder" onClick={() => setPurpose(undefined)}>
        {t('purpose.change')}
      </Button>
    </p>
  );
}
