import { centralFinlandClient } from './central-finland.js';
import { poriClient, turkuClient } from './satakunta-turku.js';
import type { DemoClient } from './scenario.js';

export * from './scenario.js';
export * from './organisations.js';
export { centralFinlandClient, poriClient, turkuClient };

export const demoClients = (): DemoClient[] => [centralFinlandClient(), poriClient(), turkuClient()];
