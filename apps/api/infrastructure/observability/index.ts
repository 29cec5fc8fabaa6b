export * from './observability.module.js';
export * from './pino-nest-logger.js';
export * from './http-metrics.middleware.js';
export * from './server-timing.js';
