/**
 * Freezes a plain JSON-like value in place. `evolve` copies only the path it changes, so
 * the parts a new state shares with the previous one are already frozen and skipped.
 */
export function deepFreeze<T>(value: T): T {
  if (isUnfrozenObject(value)) freezeTree(value);
  return value;
}

// Children are tested before the call and walked without Object.values' array: a freshly
// loaded state is a few hundred objects and arrays, most of whose values are strings.
function freezeTree(node: object): void {
  Object.freeze(node);
  if (Array.isArray(node)) {
    for (const item of node) if (isUnfrozenObject(item)) freezeTree(item);
    return;
  }
  const record = node as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const child = record[key];
    if (isUnfrozenObject(child)) freezeTree(child);
  }
}

const isUnfrozenObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Object.isFrozen(value);
