import { RuleViolationError } from '../errors.js';

/**
 * Client ids that an organisation may register: its own namespace, `<organisationId>:<id>`.
 * A caller choosing any id would learn from the answer whether someone else's client exists
 * (a person's being a client of social services must not leak); inside its own namespace
 * it can only find the clients it registered itself. Checked before anything that depends
 * on the client's existence, so the answer is the same whether or not the id is taken.
 */
export const clientIdNamespace = (organisationId: string): string => `${organisationId}:`;

export function ensureRegistrableClientId(clientId: string, organisationId: string): void {
  const namespace = clientIdNamespace(organisationId);
  if (clientId.startsWith(namespace) && clientId.length > namespace.length) return;
  throw new RuleViolationError(
    'client.id_outside_organisation_namespace',
    `A client id you choose must start with '${namespace}' (your organisation's namespace); leave it out to get one`,
    'data.clientId',
    { namespace },
  );
}
