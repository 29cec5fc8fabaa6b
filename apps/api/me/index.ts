export * from './me.controller.js';
export * from './me.module.js';
