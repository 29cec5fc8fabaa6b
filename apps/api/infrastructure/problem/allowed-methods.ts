import type { RouteEntry } from '../http-platform/index.js';

/**
 * The methods the app's routes answer on a path, read from the platform's router once routes
 * are registered: a path that exists under other methods answers 405 with `Allow`, not 404.
 */
type RouteTable = { pattern: RegExp; methods: string[] }[];

function routeTable(routes: RouteEntry[]): RouteTable {
  return routes.map(({ path, methods }) => {
    // Our routes use plain `:name` segments only.
    const source = path
      .split('/')
      .map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return { pattern: new RegExp(`^${source}/?$`), methods };
  });
}

export class AllowedMethods {
  private table: RouteTable | undefined;

  constructor(private readonly routes: () => RouteEntry[]) {}

  /** Methods allowed on `path` (GET implies HEAD); empty when no route has the path. */
  of(path: string): string[] {
    this.table ??= routeTable(this.routes());
    const methods = new Set(this.table.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  }
}
