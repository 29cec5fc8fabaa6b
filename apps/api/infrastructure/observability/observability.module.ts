import { Controller, Get, Global, Header, Inject, Module, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PolkuMetrics } from '../../../../libs/observability/index.js';
import { Public } from '../auth/decorators.js';
import { METRICS } from '../tokens.js';

/** Prometheus scrape endpoint; public like /health (no client data in it). */
@ApiExcludeController()
@Controller()
class MetricsController {
  constructor(@Inject(METRICS) private readonly metrics: PolkuMetrics) {}

  @Get('metrics')
  @Public()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() res: { type(t: string): { send(b: string): void } }) {
    const { contentType, body } = await this.metrics.render();
    res.type(contentType).send(body);
  }
}

@Global()
@Module({
  controllers: [MetricsController],
  providers: [{ provide: METRICS, useFactory: () => new PolkuMetrics('api') }],
  exports: [METRICS],
})
export class ObservabilityModule {}
