import { Controller, Get, Inject, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { PolkuResponse } from '../infrastructure/http.js';
import type { EventStore } from '../../../libs/event-store/index.js';
import type { ReadStore } from '../../../libs/read-store/index.js';
import { Public } from '../infrastructure/auth/decorators.js';
import { API_CONFIG, EVENT_STORE, READ_STORE } from '../infrastructure/tokens.js';
import type { ApiConfig } from '../config.js';
import type { ApiServes } from '../../../libs/config/index.js';

class EventStoreHealth {
  @ApiProperty({ description: 'Highest global position (decimal string: positions are 64-bit)', example: '1042' })
  head: string;
}

class ProjectorHealth {
  @ApiProperty({ description: 'Last global position applied to the read models', example: '1040' })
  checkpoint: string;
  @ApiProperty({ type: 'integer', description: 'Events written but not yet projected', example: 2 })
  lag: number;
}

export class HealthDto {
  @ApiProperty({
    enum: ['ok', 'degraded'],
    example: 'ok',
    description:
      'degraded: a store cannot be reached (answered with 503); requests needing it answer 503 until it returns',
  })
  status: 'ok' | 'degraded';
  @ApiProperty({
    enum: ['all', 'reads'],
    example: 'all',
    description: 'What this process answers (`API_SERVES`): `reads` refuses commands with 405 `reads-only`',
  })
  serves: ApiServes;
  @ApiPropertyOptional({ description: 'Absent while the event store cannot be reached' })
  eventStore?: EventStoreHealth;
  @ApiPropertyOptional({ description: 'Absent while the read store cannot be reached' })
  projector?: ProjectorHealth;
  @ApiPropertyOptional({
    type: [String],
    example: ['eventStore'],
    description: 'The stores that cannot be reached (when degraded)',
  })
  unavailable?: ('eventStore' | 'readStore')[];
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Public so load balancers can probe it; shows positions only, never client data. */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and projection lag (no client data)' })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'degraded: a store cannot be reached' })
  async health(@Res({ passthrough: true }) res: PolkuResponse): Promise<HealthDto> {
    // Either store may be down (a database restart): say which, never fail the probe itself.
    const [head, checkpoint] = await Promise.allSettled([this.eventStore.headPosition(), this.readStore.checkpoint()]);
    if (head.status === 'fulfilled' && checkpoint.status === 'fulfilled') {
      const lag = head.value > checkpoint.value ? Number(head.value - checkpoint.value) : 0;
      return {
        status: 'ok',
        serves: this.config.serves,
        eventStore: { head: head.value.toString() },
        projector: { checkpoint: checkpoint.value.toString(), lag },
      };
    }
    res.status(503);
    res.setHeader('Retry-After', '1');
    return {
      status: 'degraded',
      serves: this.config.serves,
      ...(head.status === 'fulfilled' && { eventStore: { head: head.value.toString() } }),
      unavailable: [
        ...(head.status === 'rejected' ? ['eventStore' as const] : []),
        ...(checkpoint.status === 'rejected' ? ['readStore' as const] : []),
      ],
    };
  }
}
