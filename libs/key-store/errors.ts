/** The client's key was destroyed (personal data erased): new personal data cannot be stored. */
export class ClientKeyDestroyedError extends Error {
  override readonly name = 'ClientKeyDestroyedError';
  readonly code = 'client_key_destroyed';
  constructor(
    readonly clientId: string,
    readonly destroyedAt: string,
  ) {
    super(`The personal-data key of client ${clientId} was destroyed at ${destroyedAt}`);
  }
}
