import { applyDecorators, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblemResponses, READ_PROBLEMS } from '../../infrastructure/problem/index.js';

/**
 * A GET route's contract: its summary, its 200 answer (a response class) and the problems
 * it may answer (by default those of a read of one client's data).
 */
export const ReadRoute = (
  summary: string,
  answer: Type,
  problems: readonly number[] = READ_PROBLEMS,
  description?: string,
) =>
  applyDecorators(
    ApiOperation({ summary, description }),
    ApiOkResponse({ type: answer }),
    ApiProblemResponses(...problems),
  );
