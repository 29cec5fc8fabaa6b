import type { Type } from '@nestjs/common';
import { ServicePathModule } from './features/features.module.js';

/**
 * Command and query modules, one per capability. createApp imports them after the
 * infrastructure, so they can inject EVENT_STORE, READ_STORE, CLOCK...
 */
export const FEATURE_MODULES: Type<unknown>[] = [ServicePathModule];
