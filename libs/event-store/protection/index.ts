export { decisionStateSealOf, ProtectedEventStore } from './protected-event-store.js';
export { DecisionStateSeal, type SealedState } from './decision-state-seal.js';
export * from './errors.js';
