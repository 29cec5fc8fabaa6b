export * from './commands.js';
export * from './context.js';
export * from './decide.js';
export { MANDATORY_KUTY_ITEMS, KUTY_SERVICE_TYPE, missingKutyItems } from './plans.js';
export { peopleOn } from './people.js';
