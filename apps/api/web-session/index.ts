export { WebSessionModule } from './web-session.module.js';
