/**
 * The methods the app's routes answer on a path, read from Express's router once routes are
 * registered: a path that exists under other methods answers 405 with `Allow`, not 404.
 */
interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}
interface ExpressApp {
  router?: { stack: RouteLayer[] };
}

type RouteTable = { pattern: RegExp; methods: string[] }[];

function routeTable(app: ExpressApp): RouteTable {
  const table: RouteTable = [];
  for (const layer of app.router?.stack ?? []) {
    if (!layer.route || typeof layer.route.path !== 'string') continue;
    // Our routes use plain `:name` segments only.
    const source = layer.route.path
      .split('/')
      .map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    const methods = Object.keys(layer.route.methods)
      .filter((m) => layer.route!.methods[m])
      .map((m) => m.toUpperCase());
    table.push({ pattern: new RegExp(`^${source}/?$`), methods });
  }
  return table;
}

export class AllowedMethods {
  private table: RouteTable | undefined;

  constructor(private readonly app: () => unknown) {}

  /** Methods allowed on `path` (GET implies HEAD); empty when no route has the path. */
  of(path: string): string[] {
    this.table ??= routeTable(this.app() as ExpressApp);
    const methods = new Set(this.table.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  }
}
