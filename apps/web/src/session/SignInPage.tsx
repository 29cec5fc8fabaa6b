import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import { api } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from './session';

type DemoPerson = components['schemas']['DemoPersonDto'];

/**
 * Sign-in: with the organisation's identity provider (OpenID Connect) when the API has it
 * configured; the development sign-in only in embedded mode (local secret, not production).
 */
export function SignInPage() {
  const { session, signIn } = useSession();
  const { t } = useTranslation();
  const [people, setPeople] = useState<DemoPerson[]>([]);
  useEffect(() => {
    if (session?.demoSignIn) void api.GET('/session/demo-people').then(({ data }) => setPeople(data ?? []));
  }, [session?.demoSignIn]);

  const byOrganisation = new Map<string, DemoPerson[]>();
  for (const p of people)
    byOrganisation.set(p.organisationName, [...(byOrganisation.get(p.organisationName) ?? []), p]);
  return (
    <section aria-labelledby="sign-in-title">
      <Heading variant="h1" id="sign-in-title">
        {t('signIn.title')}
      </Heading>
      {session?.oidcSignIn && (
        <div className="panel">
          <Paragraph mb="s">{t('oidcSignIn.intro')}</Paragraph>
          {/* A full-page navigation: the API redirects on to the identity provider. */}
          <Button onClick={() => window.location.assign('/session/oidc/start')}>{t('oidcSignIn.button')}</Button>
        </div>
      )}
      {!session?.demoSignIn ? (
        !session?.oidcSignIn && <Paragraph>{t('signIn.unavailable')}</Paragraph>
      ) : (
        <>
          <Paragraph mb="m">{t('signIn.intro')}</Paragraph>
          {[...byOrganisation].map(([organisation, members]) => (
            <section key={organisation} className="panel" aria-label={organisation}>
              <Heading variant="h3" as="h2">
                {organisation}
              </Heading>
              <ul className="people">
                {members.map((p) => (
                  <li key={p.personId}>
                    <Button variant="secondary" onClick={() => void signIn(p.personId)} data-person={p.personId}>
                      {t('signIn.as', { name: p.displayName })}
                    </Button>{' '}
                    <span>
                      {t(`roles.${p.role}`)} · {t('signIn.client', { client: p.demoClientId })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
