import type { Environment } from './environment.js';
import type { Problems } from './config-error.js';

/** `operator`: a deployment sets or reviews it. `tuning`: measured defaults, changed with a benchmark. */
export type SettingGroup = 'operator' | 'tuning';

/** How a raw value becomes a typed one; `problem` is the reason without the setting's name. */
export interface Kind<T> {
  /** For the generated documentation, e.g. "integer 1–64". */
  readonly describe: string;
  /** Inclusive bounds of a numeric kind (specs test both sides of each). */
  readonly bounds?: { readonly min: number; readonly max: number };
  parse(raw: string): { value: T } | { problem: string };
}

export interface Setting<T> {
  readonly name: string;
  readonly section: string;
  readonly kind: Kind<T>;
  /** Used when unset or empty (compose files often write `NAME=`). */
  readonly default?: NoInfer<T>;
  /** How the default reads in the documentation when it is derived (e.g. `$DATA_DIR/events.sqlite`). */
  readonly defaultText?: string;
  /** `true`, or the condition under which it is required. */
  readonly required?: true | string;
  readonly group: SettingGroup;
  /** One line for the documentation. */
  readonly description: string;
  /** Where the default comes from a rule or a measurement. */
  readonly basis?: string;
  /** Earlier names still accepted. */
  readonly aliases?: readonly string[];
  /** Never echo the value in a message (passwords, secrets). */
  readonly secret?: boolean;
}

/** A setting with a default: reading it always yields a value. */
export type Defaulted<T> = Setting<T> & { readonly default: T };

export function setting<T>(definition: Setting<T> & { default: NoInfer<T> }): Defaulted<T>;
export function setting<T>(definition: Setting<T>): Setting<T>;
export function setting<T>(definition: Setting<T>): Setting<T> {
  return definition;
}

/** The raw value, trimmed; empty counts as unset. */
export function rawValue(env: Environment, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

/** The typed value, the default when unset, or undefined after recording a problem. */
export function read<T>(env: Environment, definition: Setting<T>, problems: Problems): T | undefined {
  const raw = rawValue(env, definition.name);
  if (raw === undefined) return definition.default;
  const parsed = definition.kind.parse(raw);
  if ('value' in parsed) return parsed.value;
  problems.add(definition.name, `${definition.name} ${parsed.problem}`);
  return undefined;
}

/** Like `read`, for a setting that has a default: a bad value still yields the default so the rest validates. */
export function readOr<T>(env: Environment, definition: Defaulted<T>, problems: Problems): T {
  return read(env, definition, problems) ?? definition.default;
}
