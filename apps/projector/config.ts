/** Projector configuration: defined, read and validated in libs/config. */
export {
  ConfigError,
  loadProjectorConfig as loadConfig,
  loadProjectorConfig,
  parseProjectorMode as parseMode,
  PROJECTOR_MODES,
  type ProjectorConfig,
  type ProjectorMode,
} from '../../libs/config/index.js';
