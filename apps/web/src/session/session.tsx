import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setRequestPurpose } from '../api/client';
import type { components } from '../api/schema';

export type WebSession = components['schemas']['WebSessionDto'];
export type SignedInPrincipal = components['schemas']['PrincipalDto'];

interface SessionState {
  session: WebSession | undefined;
  signIn(personId: string): Promise<void>;
  signOut(): Promise<void>;
  purpose: string | undefined;
  setPurpose(text: string | undefined): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);
/** Remembered for the browser session (the tab), never across sign-ins. */
const PURPOSE_KEY = 'polku.purpose';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<WebSession | undefined>();
  const [purpose, setPurposeState] = useState<string | undefined>(
    () => window.sessionStorage.getItem(PURPOSE_KEY) ?? undefined,
  );

  const adopt = useCallback((s: WebSession) => {
    setCsrfToken(s.csrfToken);
    setSession(s);
  }, []);

  useEffect(() => {
    void api
      .GET('/session')
      .then(({ data }) => adopt(data ?? { signedIn: false, demoSignIn: false, oidcSignIn: false }));
  }, [adopt]);

  const setPurpose = useCallback((text: string | undefined) => {
    if (text) window.sessionStorage.setItem(PURPOSE_KEY, text);
    else window.sessionStorage.removeItem(PURPOSE_KEY);
    setRequestPurpose(text);
    setPurposeState(text);
  }, []);
  setRequestPurpose(purpose);

  const signIn = useCallback(
    async (personId: string) => {
      const { data } = await api.POST('/session/demo-sign-in', { body: { personId } });
      if (data) adopt(data);
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    setPurpose(undefined);
    if (session?.signInMethod === 'oidc') {
      // Ends the local session; then the identity provider's own (RP-initiated logout), if it has one.
      const { data } = await api.POST('/session/oidc/sign-out');
      if (data?.endSessionUrl) {
        window.location.assign(data.endSessionUrl);
        return;
      }
    } else {
      await api.POST('/session/sign-out');
    }
    adopt({ signedIn: false, demoSignIn: session?.demoSignIn ?? false, oidcSignIn: session?.oidcSignIn ?? false });
    // again once signed out: a client's gate re-states its own-data purpose while the request
    // runs, which the next person signing in on this tab must not inherit
    setPurpose(undefined);
    window.location.hash = '#/';
  }, [adopt, session, setPurpose]);

  return (
    <SessionContext.Provider value={{ session, signIn, signOut, purpose, setPurpose }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
