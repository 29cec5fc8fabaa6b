/**
 * Prints a bearer token for local use and demos, signed with the API's own config:
 *   npm run token -- --person p1 --name "Maija Virtanen" --org te-jkl \
 *     --org-type employment_authority --role officer [--ttl 8h]
 * Deliberately free of Nest so it starts instantly.
 */
import '../../../libs/shared/runtime/check.js';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ORGANISATION_TYPES, type OrganisationType } from '../../../libs/events/index.js';
import { loadApiConfig } from '../config.js';
import { loadOrExit } from '../../../libs/config/index.js';
import { ROLES, type Role } from '../../../libs/auth/principal.js';
import { mintToken, parseTtl, type MintSpec } from '../../../libs/auth/token-minter.js';

const USAGE = `Usage: mint-token --person <id> --name <display name> --org <organisation id>
                  --org-type <${ORGANISATION_TYPES.join('|')}>
                  --role <${ROLES.join('|')}> [--ttl 8h]
Signs with JWT_SECRET / JWT_ISSUER / JWT_AUDIENCE from the environment (AUTH_MODE=hs256).`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseMintArgs(argv: string[]): MintSpec {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        person: { type: 'string' },
        name: { type: 'string' },
        org: { type: 'string' },
        'org-type': { type: 'string' },
        role: { type: 'string' },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) throw new UsageError('');
  const problems: string[] = [];
  const need = (flag: string): string => {
    const value = values[flag];
    if (typeof value !== 'string' || value.trim() === '') problems.push(`--${flag} is required`);
    return typeof value === 'string' ? value : '';
  };
  const spec = {
    personId: need('person'),
    displayName: need('name'),
    organisationId: need('org'),
    organisationType: need('org-type') as OrganisationType,
    role: need('role') as Role,
    ttl: typeof values.ttl === 'string' ? values.ttl : '8h',
  };
  if (spec.organisationType && !ORGANISATION_TYPES.includes(spec.organisationType)) {
    problems.push(`--org-type must be one of ${ORGANISATION_TYPES.join(', ')}`);
  }
  if (spec.role && !ROLES.includes(spec.role)) problems.push(`--role must be one of ${ROLES.join(', ')}`);
  try {
    parseTtl(spec.ttl);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return spec;
}

async function main(): Promise<void> {
  let spec: MintSpec;
  try {
    spec = parseMintArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (!error.message) {
      console.log(USAGE); // --help
      process.exit(0);
    }
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const config = loadOrExit(() => loadApiConfig(), 1);
  if (config.auth.mode !== 'hs256') {
    console.error('AUTH_MODE is jwks: tokens come from the identity provider, not from this tool.');
    process.exit(1);
  }
  const { secret, issuer, audience } = config.auth;
  process.stdout.write(`${await mintToken(spec, secret, issuer, audience)}\n`);
}

// Only run when executed, so tests can import parseMintArgs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
