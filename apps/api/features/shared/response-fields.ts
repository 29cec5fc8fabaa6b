import type { Type } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/**
 * OpenAPI descriptions of what the API sends. Responses are described, not validated: the
 * e2e contract test holds real answers to these schemas (every field documented, none
 * missing). `nullable` = always present, maybe null; `optional` = left out when unknown.
 */
type O = { description?: string; example?: unknown; nullable?: boolean; optional?: boolean };
const prop = (o: O | undefined, schema: Record<string, unknown>) =>
  ApiProperty({
    required: !o?.optional,
    ...(o?.nullable && { nullable: true }),
    ...(o?.description && { description: o.description }),
    ...(o?.example !== undefined && { example: o.example }),
    ...schema,
  } as ApiPropertyOptions);

export const Str = (o?: O) => prop(o, { type: 'string' });
export const Day = (o?: O) => prop(o, { type: 'string', format: 'date', example: o?.example ?? '2025-03-01' });
/** A 64-bit position or version: a decimal string (JSON numbers lose precision past 2^53). */
export const Position = (o?: O) => prop(o, { type: 'string', pattern: '^\\d+$', example: o?.example ?? '1042' });
export const Int = (o?: O) => prop(o, { type: 'integer' });
export const Num = (o?: O) => prop(o, { type: 'number' });
export const Bool = (o?: O) => prop(o, { type: 'boolean' });
export const OneOf = (values: readonly string[], o?: O) => prop(o, { type: 'string', enum: [...values] });
export const Strs = (o?: O) => prop(o, { type: 'array', items: { type: 'string' } });
export const OneOfEach = (values: readonly string[], o?: O) =>
  prop(o, { type: 'array', items: { type: 'string', enum: [...values] } });
export const Days = (o?: O) => prop(o, { type: 'array', items: { type: 'string', format: 'date' } });
/** A free-form object (event data, figures): its members are not fixed by this document. */
export const AnyObject = (o?: O) => prop(o, { type: 'object', additionalProperties: true });
/** Counts by code, e.g. `{ "employment": 3 }`. */
export const Counts = (o?: O) => prop(o, { type: 'object', additionalProperties: { type: 'integer' } });
type Cls = Type<unknown>;
/** A nested object (or, with `each`, an array of them) described by another response class. */
export const Obj = (type: () => Cls, o?: O & { each?: boolean }) =>
  prop(o, { type: { type: () => type() }.type, ...(o?.each && { isArray: true }) });
