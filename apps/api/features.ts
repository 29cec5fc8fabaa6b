import { ServicePathModule } from './features/features.module.js';

/**
 * Command and query modules, one per capability. createApp imports them after the
 * infrastructure, so they can inject EVENT_STORE, READ_STORE, CLOCK...
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const FEATURE_MODULES: any[] = [ServicePathModule];
