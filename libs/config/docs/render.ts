import { ALL_SETTINGS } from '../sections/index.js';
import type { Setting, SettingGroup } from '../setting.js';

const HEADER = `# Configuration

<!-- Generated from libs/config by \`npm run config:docs\`; edit the definitions, not this file. -->

Every process reads its settings from the environment once, at start, and validates all of
them before it connects to anything: a bad setting stops it with one line naming each
invalid setting and why (non-zero exit code). An empty value counts as unset. A setting's
value is never echoed when it may hold a secret (\`DATABASE_URL\`, \`KURRENTDB_URL\`, \`JWT_SECRET\`,
\`WEB_SESSION_SECRET\`, \`OIDC_CLIENT_SECRET\`).
`;

const FOOTER = `
Token claims: \`sub\` (person id), \`name\`, \`org\` (organisation id), \`org_type\`
(\`employment_authority\`, \`wellbeing_county\`, \`kela\`, \`provider\`), \`role\` (\`officer\`,
\`instructor\`, \`agency_system\`, \`auditor\`, \`admin\`, \`client\`).

\`docker compose up\` runs the full stack in containers: KurrentDB, PostgreSQL, Kafka, the API,
the projector and the ingest process (set \`JWT_SECRET\`). The embedded mode needs no engine:
\`EVENT_STORE=sqlite READ_STORE=sqlite BUS=memory docker compose up --no-deps api projector\`
(SQLite files on the shared \`polku-data\` volume; see the comments at the top of \`docker-compose.yml\`).
`;

const GROUPS: [SettingGroup, string, string][] = [
  ['operator', 'Operator settings', 'What a deployment sets or reviews.'],
  [
    'tuning',
    'Tuning settings',
    'Defaults that suit the measured workloads; change one together with a benchmark run (docs/performance.md).',
  ],
];

/** docs/configuration.md, operator settings first, tuning settings apart. */
export function renderConfigurationDoc(settings: readonly Setting<unknown>[] = ALL_SETTINGS): string {
  const parts = [HEADER];
  for (const [group, title, intro] of GROUPS) {
    parts.push(`\n## ${title}\n\n${intro}\n`);
    const inGroup = settings.filter((s) => s.group === group);
    for (const section of [...new Set(inGroup.map((s) => s.section))]) {
      parts.push(`\n### ${capitalise(section)}\n\n| setting | kind | default | meaning |\n|---|---|---|---|\n`);
      for (const s of inGroup.filter((x) => x.section === section)) parts.push(`${row(s)}\n`);
    }
  }
  parts.push(FOOTER);
  return parts.join('');
}

function row(s: Setting<unknown>): string {
  const required = s.required === true ? 'required' : s.required ? `required ${s.required}` : undefined;
  const meaning = [s.description, required, s.basis ? `basis: ${s.basis}` : undefined].filter(Boolean).join('; ');
  return `| \`${s.name}\` | ${s.kind.describe} | ${defaultOf(s)} | ${escapePipes(meaning)} |`;
}

function defaultOf(s: Setting<unknown>): string {
  if (s.defaultText) return s.defaultText;
  if (s.default === undefined) return '—';
  const value = Array.isArray(s.default) ? s.default.join(',') : String(s.default);
  return `\`${value}\``;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const escapePipes = (text: string) => text.replaceAll('|', '\\|');
