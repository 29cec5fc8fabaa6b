import { setPriority } from 'node:os';
import type { ApiConfig } from './config.js';

/**
 * `API_COMMAND_NICE`: a process that takes commands lowers its own CPU priority, so that on a
 * machine shared with reads-only processes the scheduler runs an officer's read first and the
 * command burst after it. Raising one's own niceness needs no privilege; reads-only processes
 * keep theirs. Returns the niceness applied, if any.
 */
export function applyCommandNice(config: Pick<ApiConfig, 'serves' | 'commandNice'>): number | undefined {
  if (config.serves !== 'all' || config.commandNice === 0) return undefined;
  setPriority(config.commandNice);
  return config.commandNice;
}
