export * from './port.js';
export * from './errors.js';
export * from './adapter-errors.js';
export * from './hash-chain.js';
export * from './chain-walker.js';
export * from './validate-batch.js';
