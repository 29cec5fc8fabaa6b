import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { ID_MESSAGE, ID_PATTERN } from '../id-patterns.js';
import { EARLIEST_BUSINESS_DATE, isIsoDate, isWithinBusinessDates } from '../../domain/time/index.js';

/**
 * Field decorators that pair validation (400 on bad shape) with the OpenAPI description:
 * each constraint is stated once and both the validator and the published document get it.
 * Shape only: the law's limits (e.g. 4–8 hours a day) are the domain's, answered with 422.
 */
interface Opts {
  optional?: boolean;
  description?: string;
  example?: unknown;
}

// The year floor is the business-date bound (libs/domain/time/date-bounds.ts: 1900-01-01).
const ISO_DATE_PATTERN = '^(19\\d\\d|[2-9]\\d\\d\\d)-\\d{2}-\\d{2}$';

/**
 * Presence, checked first (the pipe stops at a field's first error): a required field that
 * is absent or null is "required"; an optional one may be left out, never null (IsOptional
 * would let null through to the command as if it were a value).
 */
const maybeOptional = (o?: Opts) =>
  o?.optional
    ? [
        ValidateIf((_object: unknown, value: unknown) => value !== undefined),
        IsDefined({ message: '$property must not be null; leave it out instead' }),
      ]
    : [IsDefined({ message: '$property is required' })];
const doc = (o: Opts | undefined, extra: Record<string, unknown>) =>
  ApiProperty({ required: !o?.optional, description: o?.description, example: o?.example, ...extra });

@ValidatorConstraint({ name: 'isCalendarDate' })
class CalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isIsoDate(value) && isWithinBusinessDates(value);
  }
  defaultMessage(): string {
    return `$property must be a calendar date YYYY-MM-DD, not before ${EARLIEST_BUSINESS_DATE}`;
  }
}

export const DateField = (o?: Opts) =>
  applyDecorators(
    doc(o, { type: 'string', format: 'date', pattern: ISO_DATE_PATTERN, example: o?.example ?? '2025-03-01' }),
    ...maybeOptional(o),
    Validate(CalendarDate),
  );

export const TextField = (o?: Opts & { max?: number }) =>
  applyDecorators(
    doc(o, { type: 'string', minLength: 1, maxLength: o?.max ?? 4000 }),
    ...maybeOptional(o),
    IsString(),
    IsNotEmpty(),
    MaxLength(o?.max ?? 4000),
  );

export const IdField = (o?: Opts) =>
  applyDecorators(
    doc(o, { type: 'string', pattern: ID_PATTERN.source, example: o?.example ?? 'a1b2c3' }),
    ...maybeOptional(o),
    IsString(),
    Matches(ID_PATTERN, { message: ID_MESSAGE }),
  );

/** A list of ids (a consent's organisations): each an id by the one id rule, none twice. */
export const IdArrayField = (o?: Opts & { max?: number }) =>
  applyDecorators(
    doc(o, {
      type: 'array',
      items: { type: 'string', pattern: ID_PATTERN.source },
      maxItems: o?.max ?? 100,
      uniqueItems: true,
    }),
    ...maybeOptional(o),
    IsArray(),
    ArrayMaxSize(o?.max ?? 100),
    IsString({ each: true }),
    Matches(ID_PATTERN, { each: true, message: `each value in ${ID_MESSAGE}` }),
    ArrayUnique(undefined, { message: '$property names an id twice' }),
  );

/** A string matching `pattern` (query filters such as months or cursors). */
export const PatternField = (pattern: RegExp, message: string, o?: Opts) =>
  applyDecorators(
    doc(o, { type: 'string', pattern: pattern.source }),
    ...maybeOptional(o),
    IsString(),
    Matches(pattern, { message }),
  );

/** Query strings are text: `?limit=20` becomes 20 before IntField checks it (anything else stays text and fails). */
export const toQueryInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

export const IntField = (min: number, max: number, o?: Opts) =>
  applyDecorators(
    doc(o, { type: 'integer', minimum: min, maximum: max }),
    ...maybeOptional(o),
    IsInt(),
    Min(min),
    Max(max),
  );

/** `limit` of a paged listing (1-1000, default `pageSize`). */
export const PageLimitField = (pageSize: number) =>
  applyDecorators(
    Transform(toQueryInt),
    IntField(1, 1000, { optional: true, description: `Items per page (default ${pageSize})` }),
  );

/** `after` of a paged listing: the nextCursor of the previous page (decoded by the listing). */
export const PageCursorField = (listing: string) =>
  applyDecorators(
    doc(
      { optional: true },
      { type: 'string', pattern: '^[A-Za-z0-9_-]{1,2048}$', description: 'The nextCursor of the previous page' },
    ),
    ...maybeOptional({ optional: true }),
    Matches(/^[A-Za-z0-9_-]{1,2048}$/, { message: `after must be a nextCursor returned by this ${listing}` }),
  );

export const NumberField = (min: number, max: number, o?: Opts) =>
  applyDecorators(
    doc(o, { type: 'number', minimum: min, maximum: max }),
    ...maybeOptional(o),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(min),
    Max(max),
  );

export const BoolField = (o?: Opts) => applyDecorators(doc(o, { type: 'boolean' }), ...maybeOptional(o), IsBoolean());

export const EnumField = (values: readonly string[], o?: Opts) =>
  applyDecorators(
    doc(o, { type: 'string', enum: [...values] }),
    ...maybeOptional(o),
    IsIn([...values], { message: `$property must be one of: ${values.join(', ')}` }),
  );

export const EnumArrayField = (values: readonly string[], o?: Opts) =>
  applyDecorators(
    doc(o, { type: 'array', items: { type: 'string', enum: [...values] }, maxItems: values.length }),
    ...maybeOptional(o),
    IsArray(),
    ArrayMaxSize(values.length),
    IsIn([...values], { each: true, message: `each value in $property must be one of: ${values.join(', ')}` }),
  );

export const TextArrayField = (o?: Opts & { min?: number; max?: number }) =>
  applyDecorators(
    doc(o, {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 500 },
      minItems: o?.min ?? 0,
      maxItems: o?.max ?? 100,
    }),
    ...maybeOptional(o),
    IsArray(),
    ArrayMinSize(o?.min ?? 0),
    ArrayMaxSize(o?.max ?? 100),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(500, { each: true }),
  );

export const DateArrayField = (o?: Opts & { max?: number }) =>
  applyDecorators(
    doc(o, {
      type: 'array',
      items: { type: 'string', format: 'date', pattern: ISO_DATE_PATTERN },
      minItems: 1,
      maxItems: o?.max ?? 400,
    }),
    ...maybeOptional(o),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(o?.max ?? 400),
    Validate(CalendarDate, { each: true }),
  );

export const NestedField = (type: () => new () => object, o?: Opts & { each?: boolean; max?: number }) => {
  // @nestjs/swagger resolves a lazy type only from a function *named* `type`; an anonymous
  // arrow would be taken for a class and give a `$ref` to an empty schema name.
  const lazy = { type: () => type() }.type;
  return applyDecorators(
    // ValidateNested alone passes an absent object: a required one must be stated.
    doc(o, o?.each ? { type: lazy, isArray: true, maxItems: o.max ?? 50 } : { type: lazy }),
    ...(o?.optional ? maybeOptional(o) : [IsDefined()]),
    ...(o?.each ? [IsArray(), ArrayMaxSize(o.max ?? 50)] : []),
    ValidateNested({ each: !!o?.each }),
    Type(type),
  );
};
