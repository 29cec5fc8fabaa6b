import { useTranslation } from 'react-i18next';
import { Heading } from 'suomifi-ui-components';
import type { ClientPath } from '../api/gaps';
import { ageOn } from './path-model';

/** The path's header: name, age, municipality, TYP status and parties, the named people. */
export function PathHeader({
  path,
  clientId,
  names,
  today,
}: {
  path: ClientPath;
  clientId: string;
  names: Map<string, string>;
  today: string;
}) {
  const { t } = useTranslation();
  const profile = path.profile;
  const typ = path.status.typRelationship;
  const roleLabel = (role: string) =>
    role === 'responsible_officer'
      ? t('path.responsibleOfficer')
      : role === 'named_worker'
        ? t('path.namedWorker')
        : t('path.ownInstructor');
  return (
    <header className="path-header panel">
      <Heading variant="h1">{profile?.fullName ?? clientId}</Heading>
      {!profile && <p className="hidden-note">{t('path.profileHidden')}</p>}
      <dl className="facts">
        {profile?.birthDate && (
          <>
            <dt>{t('path.ageLabel')}</dt>
            <dd>{t('path.age', { years: ageOn(profile.birthDate, today) })}</dd>
          </>
        )}
        {profile?.municipality && (
          <>
            <dt>{t('path.municipality')}</dt>
            <dd>{profile.municipality}</dd>
          </>
        )}
        <dt>{t('path.typStatus')}</dt>
        <dd>
          {typ
            ? `${t('path.typActive', { from: typ.startDate })} (${typ.parties.map((p) => p.name ?? p.organisationId).join(', ')})`
            : t('path.typNone')}
        </dd>
        <dt>{t('path.named')}</dt>
        <dd>
          <ul className="plain">
            {path.status.people.map((p) => (
              <li key={`${p.personId}-${p.role}-${p.periodId ?? ''}`}>
                {roleLabel(p.role)}: {p.personName} (
                {names.get(p.organisation.organisationId) ?? p.organisation.organisationId})
                {p.lead ? `, ${t('path.lead')}` : ''}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </header>
  );
}
