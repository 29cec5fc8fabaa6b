import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FieldError, ProblemDetails } from '../../../../libs/problem/problem-types.js';
import { PROBLEM_CONTENT_TYPE } from '../../../../libs/problem/problem-types.js';

@ApiSchema({ name: 'FieldError', description: 'One invalid input: its full path and what is wrong with it.' })
class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'kuty.hoursPerDay', description: 'Full path: nested fields with dots, array items as [i]' })
  field: string;
  @ApiProperty({ example: 'hoursPerDay must not be greater than 24' }) message: string;
}

/** An RFC 9457 problem document as the problem filter sends it (see to-problem.ts). */
@ApiSchema({
  name: 'Problem',
  description: 'RFC 9457 problem details. Branch on `type`, never on `title` or `detail`.',
})
export class ProblemDto implements ProblemDetails {
  [extension: string]: unknown;
  @ApiProperty({
    example: 'https://polku.example/problems/validation',
    description: 'Problem type URI (or about:blank)',
  })
  type: string;
  @ApiProperty({ example: 'Invalid request' }) title: string;
  @ApiProperty({ type: 'integer', example: 400 }) status: number;
  @ApiPropertyOptional() detail?: string;
  @ApiProperty({ example: '/clients/c-1/consents', description: 'The request path' }) instance: string;
  @ApiPropertyOptional({ description: 'Quote it when reporting a problem (also the X-Correlation-Id header)' })
  correlationId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Validation problems (400): one entry per invalid field' })
  errors?: FieldError[];
  @ApiPropertyOptional({ example: 'kuty.hours_per_day', description: 'Rule problems (422): the broken rule code' })
  rule?: string;
  @ApiPropertyOptional({ example: 'kuty.hoursPerDay', description: 'Rule problems (422): the offending input' })
  field?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Rule problems (422): figures behind the rule',
  })
  details?: Record<string, unknown>;
  @ApiPropertyOptional({ example: 'If-Match', description: 'Invalid-header problems: the header' }) header?: string;
  @ApiPropertyOptional({ example: 'client', description: 'Not-found problems: what was not found' }) what?: string;
  @ApiPropertyOptional({ description: 'Not-found problems: its id' }) id?: string;
  @ApiPropertyOptional({ description: 'Forbidden problems: why' }) reason?: string;
  @ApiPropertyOptional({ description: 'Stream-version conflicts: the client' }) clientId?: string;
  @ApiPropertyOptional({ example: '7', description: 'Stream-version conflicts: the If-Match you sent' })
  expectedVersion?: string;
  @ApiPropertyOptional({ example: '8', description: 'Stream-version conflicts: the version now' })
  actualVersion?: string;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: a field (see `errors`), a header (`header`), malformed JSON or a query that asks for two things at once',
  401: 'Missing, invalid or expired bearer token',
  403: "The caller's role may not do this",
  404: 'Not found, or no client relationship with the client (indistinguishable on purpose)',
  409: 'The client record changed since If-Match (reload and retry), or the Idempotency-Key was used for another request',
  413: 'The request body is too large',
  422: 'A domain rule was broken (see `rule`, `field`, `details`), or a `minPosition` beyond the last recorded event',
  503: 'Storage busy or unreachable, or the read models behind `minPosition`: retry after Retry-After seconds',
};

const HEADERS: Record<number, Record<string, { description: string; schema: { type: 'string' } }>> = {
  401: { 'WWW-Authenticate': { description: 'Bearer realm="polku"', schema: { type: 'string' } } },
  503: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'string' } } },
};

/**
 * Documents problem responses on a route or controller, e.g. `@ApiProblemResponses(400, 404)`.
 * Each is `application/problem+json` with the `Problem` schema.
 */
export function ApiProblemResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        ...(HEADERS[status] && { headers: HEADERS[status] }),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}

/** What any authenticated route may answer besides its own problems. */
export const AUTHENTICATED_PROBLEMS = [401, 503] as const;
/** What a command may answer: bad input, role, unknown client, conflicts, rules, storage. */
export const COMMAND_PROBLEMS = [400, 401, 403, 404, 409, 413, 422, 503] as const;
/** What a read of one client (or a filtered list) may answer. */
export const READ_PROBLEMS = [400, 401, 403, 404, 503] as const;
