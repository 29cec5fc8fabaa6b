import { useEffect, useState } from 'react';

/**
 * Hash routes (`#/clients/<id>`): the page is always served at `/`, so no client-side route
 * can collide with an API path.
 */
export type Route = { name: 'today' } | { name: 'client'; clientId: string };

export function parseRoute(hash: string): Route {
  const client = /^#\/clients\/([^/?#]+)/.exec(hash);
  if (client) return { name: 'client', clientId: decodeURIComponent(client[1]) };
  return { name: 'today' };
}

export const hrefOf = (route: Route): string =>
  route.name === 'client' ? `#/clients/${encodeURIComponent(route.clientId)}` : '#/';

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
