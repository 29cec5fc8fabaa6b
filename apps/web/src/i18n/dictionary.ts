import type { fi } from './fi';

/** Every language has exactly Finnish's keys (the compiler checks Swedish and English). */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Dictionary = Shape<typeof fi>;
