import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem-types.js';

/** OpenAPI schema of a problem document, for routes to reference in their docs. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', format: 'uri-reference', example: 'https://polku.example/problems/validation' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      description: 'Validation problems only: one entry per invalid field.',
      items: {
        type: 'object',
        properties: { field: { type: 'string', example: 'data.kuty.hoursPerDay' }, message: { type: 'string' } },
      },
    },
    rule: { type: 'string', description: 'Rule problems (422) only: the broken rule code.' },
    field: { type: 'string', description: 'Rule problems (422) only: the offending input.' },
    details: { type: 'object', additionalProperties: true },
  },
  additionalProperties: true,
};

/**
 * Documents problem responses on a route, e.g. `@ApiProblemResponses(400, 404, 409, 422)`.
 * 401 is implied by the global bearer scheme but may be listed too.
 */
export function ApiProblemResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_SCHEMA } },
      }),
    ),
  );
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (see `errors`) or malformed JSON',
  401: 'Missing, invalid or expired bearer token',
  403: 'The caller may not do this',
  404: 'Not found',
  409: 'Stream version conflict or reused idempotency key',
  422: 'A domain rule was broken (see `rule`, `field`, `details`)',
};
