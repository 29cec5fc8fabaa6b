import { HttpException } from '@nestjs/common';
import type { Problem } from './problem-types.js';

/**
 * Throw this to answer with an exact problem document (type, title, extensions).
 * The filter fills in `instance` and `correlationId`.
 */
export class ProblemException extends HttpException {
  override readonly name = 'ProblemException';
  constructor(
    readonly problem: Problem,
    options?: { cause?: unknown },
  ) {
    super(problem.detail ?? problem.title, problem.status, options);
  }
}
