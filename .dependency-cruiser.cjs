/** Architecture boundaries: the domain and the event contract stay pure. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds decision logic only: no frameworks, adapters, apps or I/O.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: {
        pathNot: '^libs/(domain|events)/',
        dependencyTypesNot: ['type-only'],
      },
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
