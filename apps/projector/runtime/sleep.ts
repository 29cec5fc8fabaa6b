/** Backoff and abortable sleep live in libs/shared (the bus relay uses them too). */
export { Backoff, sleep } from '../../../libs/shared/index.js';
