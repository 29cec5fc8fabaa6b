/** Architecture boundaries: the domain and the event contract stay pure. */

/**
 * Code that exists for specs: specs, test-helper folders, fixtures, and the shared adapter
 * contract suites (libs/event-store/contract, libs/read-store/contract call `describe`).
 */
const TEST_HELPERS = [
  '\\.spec\\.tsx?$',
  '\\.(fixture|contract)\\.ts$',
  '(^|/)(testing|test-support|test|fixtures?)/',
  '^libs/[^/]+/contract/',
].join('|');

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds decision logic only: no frameworks, adapters, apps or I/O.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      // Type-only imports count too: a type from a framework or an adapter is still a dependency.
      to: { pathNot: '^libs/(domain|events)/' },
    },
    {
      name: 'domain-no-node-io',
      severity: 'error',
      from: { path: '^libs/(domain|events)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'events-are-a-leaf',
      comment: 'libs/events is the published contract: it depends on nothing of ours.',
      severity: 'error',
      from: { path: '^libs/events/' },
      to: { pathNot: '^libs/events/' },
    },
    {
      name: 'apps-are-siblings',
      comment: 'The API, the projector, the ingest and the web app share code through libs/, never through each other.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'core-libs-never-import-adapters',
      comment:
        'Ports, decisions, projections and contracts know no storage or transport: only libs/adapters (and apps, scripts) wire adapters in.',
      severity: 'error',
      from: { path: '^libs/', pathNot: '^libs/adapters/' },
      to: { path: '^libs/adapters/' },
    },
    {
      name: 'production-never-imports-test-helpers',
      comment: 'Test helpers, fixtures and specs are for specs only; production code must run without them.',
      severity: 'error',
      from: { pathNot: TEST_HELPERS },
      to: { path: TEST_HELPERS },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
