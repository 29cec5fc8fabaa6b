export { CommandLane } from './command-lane.js';
export { commandLaneMiddleware } from './command-lane.middleware.js';
export { isReadMethod } from './methods.js';
export { readsOnlyMiddleware } from './reads-only.middleware.js';
