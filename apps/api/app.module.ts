import 'reflect-metadata';
import {
  Module,
  type DynamicModule,
  type INestApplication,
  type LoggerService,
  type LogLevel,
  type Type,
} from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { ApiConfig } from './config.js';
import { FEATURE_MODULES } from './features.js';
import { HealthModule } from './health/index.js';
import { AuthModule } from './infrastructure/auth/auth.module.js';
import { CoreModule } from './infrastructure/core.module.js';
import { setupOpenApi } from './infrastructure/openapi/index.js';
import { KAFKA_COMMAND_CONTRACT } from '../../libs/commands/envelope/index.js';
import { ProblemModule } from './infrastructure/problem/problem.module.js';
import { createHttpApp, useJsonBody } from './infrastructure/http-platform/index.js';
import { commandLaneMiddleware, readsOnlyMiddleware } from './infrastructure/command-lane/index.js';
import { correlationIdMiddleware } from './infrastructure/request-context/correlation-id.middleware.js';
import { StoresModule } from './infrastructure/stores.module.js';
import { AuditModule } from './infrastructure/audit/index.js';
import { KeysModule } from './infrastructure/keys/index.js';
import {
  httpMetrics,
  ObservabilityModule,
  serverTiming,
  serverTimingContext,
} from './infrastructure/observability/index.js';
import { METRICS } from './infrastructure/tokens.js';
import { createLogger, type PolkuMetrics } from '../../libs/observability/index.js';
import type { Clock } from './infrastructure/tokens.js';
import { MeModule } from './me/index.js';
import { serveWebApp } from './web-app/index.js';
import { WebSessionModule } from './web-session/index.js';

export interface CreateAppOptions {
  /** Source of "now" for the whole app (token expiry too); defaults to the system clock. */
  clock?: Clock;
  /** Modules beyond FEATURE_MODULES, e.g. a test-only controller. */
  extraModules?: (Type<unknown> | DynamicModule)[];
  logger?: LoggerService | LogLevel[] | false;
  /** Access-log level (default LOG_LEVEL or info); tests pass 'silent'. */
  accessLogLevel?: string;
}

@Module({})
class AppModule {}

/**
 * Builds and initialises the API (routes, guard, filter, pipe, OpenAPI) without
 * listening, so main.ts and e2e tests boot exactly the same app.
 */
export async function createApp(config: ApiConfig, options: CreateAppOptions = {}): Promise<INestApplication> {
  const root: DynamicModule = {
    module: AppModule,
    imports: [
      CoreModule.forRoot(config, options.clock),
      CqrsModule.forRoot(),
      ObservabilityModule,
      StoresModule,
      AuditModule,
      KeysModule,
      AuthModule,
      ProblemModule,
      HealthModule,
      MeModule,
      WebSessionModule,
      ...FEATURE_MODULES,
      ...(options.extraModules ?? []),
    ],
  };
  // abortOnError: false makes boot failures throw instead of exiting the process.
  const app = await createHttpApp(config.httpPlatform, root, {
    abortOnError: false,
    ...(options.logger !== undefined && { logger: options.logger }),
  });
  app.enableShutdownHooks();
  app.use(serverTiming()); // first: the clock starts as the request arrives
  app.use(correlationIdMiddleware);
  app.use(httpMetrics(app.get<PolkuMetrics>(METRICS), createLogger('api', options.accessLogLevel ?? config.logLevel)));
  const metrics = app.get<PolkuMetrics>(METRICS);
  // after the metrics: a command's time in the lane counts in its latency
  app.use(
    config.serves === 'reads'
      ? readsOnlyMiddleware
      : commandLaneMiddleware(config.commandConcurrency, (busy, queued) => {
          metrics.commandsRunning.set(busy);
          metrics.commandsWaiting.set(queued);
        }),
  );
  useJsonBody(app); // after the correlation id and metrics: its refusals carry both
  app.use(serverTimingContext());
  serveWebApp(app, config.webDir);
  setupOpenApi(app, KAFKA_COMMAND_CONTRACT);
  await app.init();
  return app;
}
