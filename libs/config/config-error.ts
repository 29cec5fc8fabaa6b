/** One invalid setting and why. */
export interface ConfigProblem {
  setting: string;
  message: string;
}

/**
 * Every invalid setting at once, so an operator fixes a bad deployment in one pass.
 * The message is one line naming each setting; `problems` keeps the messages apart.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Each problem's message (it starts with the setting's name). */
  readonly problems: string[];
  /** The settings named, in order. */
  readonly settings: string[];
  constructor(readonly details: readonly ConfigProblem[]) {
    super(`Invalid configuration: ${details.map((p) => p.message).join('; ')}`);
    this.problems = details.map((p) => p.message);
    this.settings = details.map((p) => p.setting);
  }

  /** The first setting named (what a one-line log field shows). */
  get variable(): string {
    return this.settings[0] ?? 'configuration';
  }
}

/** Collects problems while a loader reads every section; throws once at the end. */
export class Problems {
  readonly list: ConfigProblem[] = [];
  add(setting: string, message: string): void {
    this.list.push({ setting, message });
  }
  get count(): number {
    return this.list.length;
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new ConfigError(this.list);
  }
}

/**
 * Loads a process's configuration or ends the process with the one-line message naming each
 * invalid setting (`report` writes it; a process that logs JSON passes its own).
 */
export function loadOrExit<T>(
  load: () => T,
  exitCode: number,
  report: (error: ConfigError) => void = (error) => process.stderr.write(`${error.message}\n`),
): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    report(error);
    process.exit(exitCode);
  }
}
