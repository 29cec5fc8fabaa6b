import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AuditLog } from '../../../../libs/audit-log/index.js';
import { SqliteAuditLog } from '../../../../libs/adapters/sqlite-audit-log/index.js';
import type { ApiConfig } from '../../config.js';
import type { PolkuMetrics } from '../../../../libs/observability/index.js';
import { API_CONFIG, AUDIT_LOG, METRICS } from '../tokens.js';
import { timedAuditLog } from '../observability/server-timing.js';

/** The usage and disclosure logs: their own SQLite file beside the stores (AUDIT_LOG_PATH). */
@Global()
@Module({
  providers: [
    {
      provide: AUDIT_LOG,
      inject: [API_CONFIG, METRICS],
      // each write's wait counted in the request's Server-Timing and in the metrics
      useFactory: (config: ApiConfig, metrics: PolkuMetrics) =>
        timedAuditLog(SqliteAuditLog.open(config.auditLogPath), (seconds) => metrics.usageLogWait.observe(seconds)),
    },
  ],
  exports: [AUDIT_LOG],
})
export class AuditModule implements OnApplicationShutdown {
  constructor(@Inject(AUDIT_LOG) private readonly log: AuditLog) {}
  async onApplicationShutdown(): Promise<void> {
    await this.log.close();
  }
}
