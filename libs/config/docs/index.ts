export { renderConfigurationDoc } from './render.js';
