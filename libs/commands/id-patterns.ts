/**
 * The one copy of the patterns that names and keys must match, over HTTP and Kafka alike:
 * the DTO fields, path parameters, the ingest's fast path and both apps' correlation ids
 * import them from here, so the two doors can never disagree.
 */

/** The id rule of every body field, path parameter and message field that names something. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const ID_MESSAGE = '$property must be 1-128 letters, digits or . _ : -';

/** Idempotency keys: printable ASCII without spaces, like the IETF Idempotency-Key draft's examples (UUIDs). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,200}$/;

/** A caller's correlation id is kept only when it matches; otherwise the process makes one. */
export const CORRELATION_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
