export { CommandLane } from './command-lane.js';
export { commandLaneMiddleware } from './command-lane.middleware.js';
