/** A stored personal value could not be decrypted: tampered, or encrypted under another key. */
export class PersonalDataDecryptionError extends Error {
  override readonly name = 'PersonalDataDecryptionError';
  readonly code = 'personal_data_decryption_failed';
  constructor(
    readonly eventId: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(`Personal field ${path} of event ${eventId} could not be decrypted`, options);
  }
}

/**
 * Events of the client hold encrypted personal data, but the key store has neither the key
 * nor a record of destroying it: most likely the wrong or a lost key file. Failing loudly
 * beats silently reading the client's data as erased.
 */
export class ClientKeyMissingError extends Error {
  override readonly name = 'ClientKeyMissingError';
  readonly code = 'client_key_missing';
  constructor(readonly clientId: string) {
    super(`No personal-data key (and no destruction record) for client ${clientId}`);
  }
}
