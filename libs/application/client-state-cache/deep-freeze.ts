/**
 * Freezes a plain JSON-like value in place. `evolve` copies only the path it changes, so
 * the parts a new state shares with the previous one are already frozen and skipped.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
