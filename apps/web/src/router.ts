import { useEffect, useState } from 'react';

/**
 * Hash routes (`#/clients/<id>`): the page is always served at `/`, so no client-side route
 * can collide with an API path.
 */
export type Route =
  | { name: 'today' }
  | { name: 'client'; clientId: string }
  | { name: 'print'; clientId: string }
  | { name: 'audit' }
  | { name: 'reports' };

export function parseRoute(hash: string): Route {
  const client = /^#\/clients\/([^/?#]+)(\/print)?/.exec(hash);
  if (client) return { name: client[2] ? 'print' : 'client', clientId: decodeURIComponent(client[1]) };
  if (/^#\/audit\b/.test(hash)) return { name: 'audit' };
  if (/^#\/reports\b/.test(hash)) return { name: 'reports' };
  return { name: 'today' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'client':
      return `#/clients/${encodeURIComponent(route.clientId)}`;
    case 'print':
      return `#/clients/${encodeURIComponent(route.clientId)}/print`;
    case 'audit':
      return '#/audit';
    case 'reports':
      return '#/reports';
    default:
      return '#/';
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
