import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { runClientCommand } from '../client-commands/index.js';
import { IdPipe } from '../shared/params.js';
import { AgreeActivationPlanDto, AgreeEmploymentPlanDto, AgreeMultisectoralPlanDto, ReviewPlanDto } from './plans.dto.js';

@ApiTags('plans')
@Controller('clients/:clientId/plans')
export class PlansController {
  constructor(private readonly bus: CommandBus) {}

  @Post('employment')
  @ApiOperation({ summary: 'Employment plan agreed (employment authority)' })
  employment(@Param('clientId', IdPipe) clientId: string, @Body() data: AgreeEmploymentPlanDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'AgreeEmploymentPlan', data }, meta, ifMatch);
  }

  @Post('activation')
  @ApiOperation({ summary: 'Activation plan agreed (law 189/2001); eligibility and kuty items are checked' })
  activation(@Param('clientId', IdPipe) clientId: string, @Body() data: AgreeActivationPlanDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'AgreeActivationPlan', data }, meta, ifMatch);
  }

  @Post('multisectoral')
  @ApiOperation({ summary: 'Multi-sectoral employment plan agreed (law 381/2023)' })
  multisectoral(@Param('clientId', IdPipe) clientId: string, @Body() data: AgreeMultisectoralPlanDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'AgreeMultisectoralPlan', data }, meta, ifMatch);
  }

  @Post(':planId/reviews')
  @ApiOperation({ summary: 'Plan reviewed (at least every 3 months, or at the client\'s request)' })
  review(@Param('clientId', IdPipe) clientId: string, @Param('planId', IdPipe) planId: string, @Body() body: ReviewPlanDto,
    @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'ReviewPlan', data: { planId, ...body } }, meta, ifMatch);
  }
}
