/** Client search's tables, rewritten together with a client's search row. */
export const CLIENT_SEARCH_TABLES = [
  'client_search',
  'client_search_words',
  'client_search_holder_words',
  'client_holders',
  'client_identity_viewers',
] as const;

/** The tables of one client's derived rows besides its model, the same in every read store. */
export const CLIENT_ROW_TABLES = [
  'caseload',
  'deadlines',
  'outcomes',
  'compensation',
  ...CLIENT_SEARCH_TABLES,
] as const;

/** The organisation directory: one row per organisation, merged from every client's (not per client). */
export const ORGANISATION_DIRECTORY_TABLE = 'organisation_directory';

/** Every table of a read store, emptied by reset() (no foreign keys: in any order). */
export const READ_MODEL_TABLES = [
  'client_models',
  ...CLIENT_ROW_TABLES,
  ORGANISATION_DIRECTORY_TABLE,
  'checkpoints',
] as const;
