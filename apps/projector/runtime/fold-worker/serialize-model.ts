import type { ClientReadModel, SerializedClientReadModel } from '../../../../libs/read-store/index.js';

/**
 * The model with its documents as JSON text: serialising the ~30 KB path of a client-year is
 * a large share of a rebuild, so the worker does it and the writing thread only stores text.
 */
export function serializeModel({ path, state, ...rest }: ClientReadModel): SerializedClientReadModel {
  return { ...rest, pathJson: JSON.stringify(path), stateJson: JSON.stringify(state) };
}
