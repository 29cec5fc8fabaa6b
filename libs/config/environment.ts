/**
 * The one module that reads `process.env`. Everything else receives a validated
 * configuration (loaders in ./loaders) or, in tests, an explicit environment object.
 */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The environment of this process, for a loader to validate at start. */
export function processEnvironment(): Environment {
  return process.env;
}
