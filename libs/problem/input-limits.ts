import type { FieldError } from './problem-types.js';

/**
 * Bounds on any JSON input (an HTTP body, a Kafka message), checked before class-transformer
 * sees it: its recursion overflows the stack on deep nesting (a 500), and every node costs
 * CPU. Our deepest command is 5 levels (Kafka envelope → command → data → items → item);
 * the body limit is far above our largest plan.
 */
export const INPUT_LIMITS = {
  /** Bytes of a request body (413 above). */
  maxBodyBytes: 256 * 1024,
  /** Objects and arrays nested in each other. */
  maxDepth: 16,
  /** Values (objects, arrays, scalars) in one input. */
  maxValues: 20_000,
} as const;

/**
 * C0 control characters other than tab, line feed and carriage return: a NUL (or a bell)
 * in a name or a note is never meant, and the log it enters is immutable.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * What makes a parsed JSON value unacceptable as input, one entry per offending field:
 * nesting or size beyond INPUT_LIMITS (then nothing else is reported), `null` (optional
 * fields are left out, never null), strings (and keys) that are not well-formed Unicode
 * (lone surrogates) or hold control characters. Iterative: the depth it refuses cannot
 * overflow its own stack.
 */
export function inputProblems(input: unknown, root = ''): FieldError[] {
  const problems: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number; badKey?: string }[] = [
    { value: input, path: root, depth: 0 },
  ];
  const tooMany = [{ field: root || '(body)', message: `must hold at most ${INPUT_LIMITS.maxValues} values` }];
  let values = 1; // counted when seen, before any path is built for them
  while (stack.length > 0) {
    const { value, path, depth, badKey } = stack.pop()!;
    if (badKey !== undefined) {
      problems.push({ field: path, message: `the field name ${badKey}` });
    } else if (value === null) {
      problems.push({ field: path || '(body)', message: `${nameOf(path)} must not be null; leave it out instead` });
    } else if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) problems.push({ field: path || '(body)', message: `${nameOf(path)} ${problem}` });
    } else if (typeof value === 'object') {
      if (depth >= INPUT_LIMITS.maxDepth) {
        return [
          {
            field: path || '(body)',
            message: `must not nest objects and arrays more than ${INPUT_LIMITS.maxDepth} levels deep`,
          },
        ];
      }
      values += Array.isArray(value) ? value.length : Object.keys(value).length;
      if (values > INPUT_LIMITS.maxValues) return tooMany;
      const entries: [string, unknown][] = Array.isArray(value)
        ? value.map((v, i) => [String(i), v])
        : Object.entries(value);
      // Pushed last to first, so fields are visited (and reported) in document order.
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i];
        const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
        const badKey = Array.isArray(value) ? undefined : stringProblem(key);
        stack.push({ value: child, path: childPath, depth: depth + 1, ...(badKey !== undefined && { badKey }) });
      }
    }
  }
  return problems;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(text: string): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (it holds an unpaired surrogate)';
  if (CONTROL.test(text))
    return 'must not contain control characters (NUL, U+0001-U+001F other than tab and line breaks, DEL)';
  return undefined;
}

const nameOf = (path: string): string => path || 'the body';
