import type { DynamicModule, INestApplication, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { INPUT_LIMITS } from '../../../../libs/problem/input-limits.js';
import { answerClientErrorsWithProblems } from './client-errors.js';
import { bigintAsString, InvalidUtf8BodyError } from './json-body.js';
import { isUtf8 } from 'node:buffer';

/** Express: body-parser with our limit and UTF-8 check, the bigint-aware JSON replacer. */
export async function createExpressApp(
  root: DynamicModule,
  options: NestApplicationOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(root, { ...options, bodyParser: false });
  app.disable('x-powered-by');
  answerClientErrorsWithProblems(app.getHttpServer());
  app.set('json replacer', bigintAsString);
  return app;
}

/** After the correlation id and metrics middleware: its refusals carry both. */
export function useExpressJsonBody(app: INestApplication): void {
  (app as NestExpressApplication).useBodyParser('json', {
    limit: INPUT_LIMITS.maxBodyBytes,
    verify: (_req: unknown, _res: unknown, body: Buffer) => {
      if (!isUtf8(body)) throw new InvalidUtf8BodyError();
    },
  });
}

export function serveExpressAssets(app: INestApplication, dir: string, prefix: string): void {
  (app as NestExpressApplication).useStaticAssets(dir, {
    prefix,
    index: false,
    immutable: true,
    maxAge: '365d',
    fallthrough: true,
  });
}
