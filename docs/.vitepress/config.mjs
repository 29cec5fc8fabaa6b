/**
 * The docs site (VitePress, installed in site/): the pages are the Markdown files of docs/, read
 * on GitHub as they are. `npm run docs:build` writes the site to .tmp/docs-site and fails on a
 * link to a page that does not exist; `npm run docs:dev` serves it on 127.0.0.1 while editing.
 * Plain object, no import: the generator lives in site/node_modules, outside this folder's reach.
 */
export default {
  title: 'Polku',
  description:
    "One shared, trustworthy picture of a long-term unemployed client's service path in Finland (TYP): events, projections, API, Kafka and the workspace.",
  lang: 'en',
  outDir: '../.tmp/docs-site',
  cacheDir: '../.tmp/docs-site-cache',
  lastUpdated: false,
  themeConfig: {
    search: { provider: 'local' },
    outline: [2, 3],
    nav: [
      { text: 'Walk-through', link: '/walkthrough' },
      { text: 'Architecture', link: '/architecture' },
      { text: 'Performance', link: '/performance' },
    ],
    sidebar: [
      {
        text: 'Start',
        items: [
          { text: 'Overview', link: '/' },
          { text: 'Walk-through (curl)', link: '/walkthrough' },
          { text: 'The law in force', link: '/law-in-force' },
        ],
      },
      {
        text: 'Using Polku',
        items: [
          { text: 'The workspace in the browser', link: '/web' },
          { text: 'Finding a client', link: '/client-search' },
          { text: 'The organisation directory', link: '/organisation-directory' },
          { text: 'Access, consent, logs and audit', link: '/access-and-audit' },
          { text: 'Writes: guarantees', link: '/writes' },
          { text: 'API errors and limits', link: '/api-errors' },
        ],
      },
      {
        text: 'Integrating',
        items: [
          { text: 'Kafka', link: '/kafka' },
          { text: 'Adding a command', link: '/adding-a-command' },
          { text: 'KurrentDB', link: '/kurrentdb' },
        ],
      },
      {
        text: 'Running',
        items: [
          { text: 'Configuration', link: '/configuration' },
          { text: 'Operations', link: '/operations' },
          { text: 'Runtime', link: '/runtime' },
          { text: 'Architecture', link: '/architecture' },
          { text: 'Testing', link: '/testing' },
          { text: 'Performance', link: '/performance' },
        ],
      },
    ],
  },
};
