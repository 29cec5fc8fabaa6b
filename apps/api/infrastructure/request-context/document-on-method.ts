/**
 * A parameter decorator that applies method decorators (e.g. `ApiHeader`) to its method.
 * Lets the decorator that reads a header also document it: `createParamDecorator(factory,
 * [documentOnMethod(ApiHeader(...))])`.
 */
export const documentOnMethod =
  (...decorators: MethodDecorator[]): ParameterDecorator =>
  (target, key) => {
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor || key === undefined) return;
    for (const decorate of decorators) decorate(target, key, descriptor);
  };
