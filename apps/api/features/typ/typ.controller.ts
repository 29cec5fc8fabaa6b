import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { ClientCommandRoute, runClientCommand } from '../client-commands/index.js';
import { IdParam } from '../shared/params.js';
import {
  EndTypRelationshipDto,
  RecordServiceNeedAssessmentDto,
  StartTypRelationshipDto,
} from '../../../../libs/commands/typ/typ.dto.js';

/** The TYP relationship (law 381/2023) and its multi-sectoral assessment. */
@ApiTags('typ')
@Controller('clients/:clientId')
export class TypController {
  constructor(private readonly bus: CommandBus) {}

  @Post('typ-relationship')
  @ClientCommandRoute('StartTypRelationship', 'Start the TYP relationship (the multi-sectoral assessment starts)')
  start(
    @IdParam('clientId') clientId: string,
    @Body() data: StartTypRelationshipDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'StartTypRelationship', data }, meta);
  }

  @Post('typ-relationship/end')
  @ClientCommandRoute('EndTypRelationship', "End the TYP relationship by the agencies' joint assessment")
  end(@IdParam('clientId') clientId: string, @Body() data: EndTypRelationshipDto, @CommandMeta() meta: CommandMeta) {
    return runClientCommand(this.bus, clientId, { type: 'EndTypRelationship', data }, meta);
  }

  @Post('service-need-assessments')
  @ClientCommandRoute('RecordServiceNeedAssessment', 'Record the multi-sectoral service-need assessment')
  assess(
    @IdParam('clientId') clientId: string,
    @Body() data: RecordServiceNeedAssessmentDto,
    @CommandMeta() meta: CommandMeta,
  ) {
    return runClientCommand(this.bus, clientId, { type: 'RecordServiceNeedAssessment', data }, meta);
  }
}
