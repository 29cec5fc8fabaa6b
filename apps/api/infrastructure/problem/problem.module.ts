import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ProblemFilter } from './problem.filter.js';
import { createValidationPipe } from '../../../../libs/problem/validation.js';

/** Registers the problem filter and the validation pipe for every route. */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class ProblemModule {}
