import type { BatchScope } from './inbox-options.js';

/** A fresh scope per fetched batch: what it memoises lives as long as the batch. */
export function batchScope(): BatchScope {
  const memo = new Map<string, Promise<unknown>>();
  return {
    memo<T>(key: string, make: () => Promise<T>): Promise<T> {
      let value = memo.get(key) as Promise<T> | undefined;
      if (!value) {
        value = make();
        memo.set(key, value);
        // a failure is not remembered: a retried message asks again
        value.catch(() => {
          if (memo.get(key) === value) memo.delete(key);
        });
      }
      return value;
    },
  };
}
