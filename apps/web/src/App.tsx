import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, SkipLink, Text } from 'suomifi-ui-components';
import { LANGUAGES, switchLanguage } from './i18n';
import { useRoute } from './router';
import { PurposeGate, PurposeNote } from './session/PurposeGate';
import { SignInPage } from './session/SignInPage';
import { useSession } from './session/session';
import { AuditView } from './views/audit';
import { ErasureView } from './views/admin';
import { ClientPathView } from './views/ClientPathView';
import { PrintView } from './views/PrintView';
import { ReportsView } from './views/reports';
import { TodayView } from './views/TodayView';

export function App() {
  const { session, signOut } = useSession();
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  // A new view moves focus to its content, as a page load would for a screen reader.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the route is the trigger, not an input
  useEffect(() => {
    main.current?.focus();
  }, [route]);

  const principal = session?.signedIn ? session.principal : undefined;
  // The print view is the path alone: no header, menus or language buttons (a client meeting on paper).
  const chrome = !(principal && route.name === 'print');
  return (
    <>
      {chrome && (
        <>
          <SkipLink href="#main">{t('app.skip')}</SkipLink>
          <header className="app-header">
            <a className="brand" href="#/">
              {t('app.name')}
            </a>
            <nav aria-label={t('lang.label')} className="languages">
              {LANGUAGES.map((lang) => (
                <Button
                  key={lang}
                  variant="secondaryNoBorder"
                  lang={lang}
                  aria-pressed={i18n.language === lang}
                  onClick={() => void switchLanguage(lang)}
                >
                  {t(`lang.${lang}`)}
                </Button>
              ))}
            </nav>
            {principal && (
              <div className="who">
                <Text>
                  {t('nav.signedInAs', {
                    name: principal.displayName,
                    organisation: principal.organisationId,
                    role: t(`roles.${principal.role}`),
                  })}
                </Text>
                <Button variant="secondary" onClick={() => void signOut()}>
                  {t('nav.signOut')}
                </Button>
              </div>
            )}
          </header>
          {principal && (
            <nav aria-label={t('nav.main')} className="main-nav">
              <a href="#/">{t(principal.role === 'admin' ? 'nav.erasure' : 'nav.today')}</a>
              {principal.role !== 'client' && <a href="#/reports">{t('nav.reports')}</a>}
              {principal.role === 'auditor' && <a href="#/audit">{t('nav.audit')}</a>}
              <PurposeNote />
            </nav>
          )}
        </>
      )}
      <main id="main" ref={main} tabIndex={-1}>
        {session === undefined ? (
          <p>{t('app.loading')}</p>
        ) : !principal ? (
          <SignInPage />
        ) : (
          <PurposeGate>
            {route.name === 'print' ? (
              <PrintView key={route.clientId} clientId={route.clientId} />
            ) : route.name === 'client' ? (
              <ClientPathView key={route.clientId} clientId={route.clientId} principal={principal} />
            ) : route.name === 'audit' && principal.role === 'auditor' ? (
              <AuditView />
            ) : route.name === 'reports' && principal.role !== 'client' ? (
              <ReportsView />
            ) : principal.role === 'admin' ? (
              <ErasureView />
            ) : (
              <TodayView principal={principal} />
            )}
          </PurposeGate>
        )}
      </main>
    </>
  );
}
