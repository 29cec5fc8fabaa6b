import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { ClientCommandRoute, runClientCommand } from '../client-commands/index.js';
import { IdParam } from '../shared/params.js';
import {
  AgreeActivationPlanDto,
  AgreeEmploymentPlanDto,
  AgreeMultisectoralPlanDto,
  ReviewPlanDto,
} from '../../../../libs/commands/plans/plans.dto.js';

@ApiTags('plans')
@Controller('clients/:clientId/plans')
export class PlansController {
  constructor(private readonly bus: CommandBus) {}

  @Post('employment')
  @ClientCommandRoute('AgreeEmploymentPlan', 'Employment plan agreed (employment authority)')
  employment(
    @IdParam('clientId') clientId: string,
    @Body() data: AgreeEmploymentPlanDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'AgreeEmploymentPlan', data }, meta);
  }

  @Post('activation')
  @ClientCommandRoute(
    'AgreeActivationPlan',
    'Activation plan agreed (law 189/2001); eligibility and kuty items are checked',
  )
  activation(
    @IdParam('clientId') clientId: string,
    @Body() data: AgreeActivationPlanDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'AgreeActivationPlan', data }, meta);
  }

  @Post('multisectoral')
  @ClientCommandRoute('AgreeMultisectoralPlan', 'Multi-sectoral employment plan agreed (law 381/2023)')
  multisectoral(
    @IdParam('clientId') clientId: string,
    @Body() data: AgreeMultisectoralPlanDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'AgreeMultisectoralPlan', data }, meta);
  }

  @Post(':planId/reviews')
  @ClientCommandRoute('ReviewPlan', "Plan reviewed (at least every 3 months, or at the client's request)")
  review(
    @IdParam('clientId') clientId: string,
    @IdParam('planId') planId: string,
    @Body() body: ReviewPlanDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'ReviewPlan', data: { planId, ...body } }, meta);
  }
}
