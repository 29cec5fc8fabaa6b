import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../infrastructure/problem/api-problem-response.js';
import type { EventStore } from '../../../libs/event-store/index.js';
import type { ReadStore } from '../../../libs/read-store/index.js';
import { Public } from '../infrastructure/auth/decorators.js';
import { EVENT_STORE, READ_STORE } from '../infrastructure/tokens.js';

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
  @ApiProperty({ type: 'string', enum: ['ok'], example: 'ok' })
  status: 'ok';
  @ApiProperty()
  eventStore: EventStoreHealth;
  @ApiProperty()
  projector: ProjectorHealth;
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  /** Public so load balancers can probe it; shows positions only, never client data. */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and projection lag (no client data)' })
  @ApiOkResponse({ type: HealthDto })
  @ApiProblemResponses(503)
  async health(): Promise<HealthDto> {
    const [head, checkpoint] = await Promise.all([this.eventStore.headPosition(), this.readStore.checkpoint()]);
    const lag = head > checkpoint ? Number(head - checkpoint) : 0;
    return {
      status: 'ok',
      eventStore: { head: head.toString() },
      projector: { checkpoint: checkpoint.toString(), lag },
    };
  }
}
