import type { Actor } from '../../libs/events/index.js';
import type { ClientCommand } from '../../libs/domain/index.js';

/** One step of a demo path: who records what, on which day. */
export interface DemoStep {
  on: string;
  as: Actor;
  command: ClientCommand;
}
export interface DemoClient {
  clientId: string;
  story: string;
  steps: DemoStep[];
}
