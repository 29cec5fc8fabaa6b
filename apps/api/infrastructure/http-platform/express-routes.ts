import type { RouteEntry } from './route-entry.js';

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}
interface ExpressApp {
  router?: { stack: RouteLayer[] };
}

/** The routes in Express's router once Nest has registered them. */
export function expressRoutes(instance: unknown): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const layer of (instance as ExpressApp).router?.stack ?? []) {
    if (!layer.route || typeof layer.route.path !== 'string') continue;
    const { path, methods } = layer.route;
    routes.push({
      path,
      methods: Object.keys(methods)
        .filter((m) => methods[m])
        .map((m) => m.toUpperCase()),
    });
  }
  return routes;
}
