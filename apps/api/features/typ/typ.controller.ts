import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { runClientCommand } from '../client-commands/index.js';
import { IdPipe } from '../shared/params.js';
import { EndTypRelationshipDto, RecordServiceNeedAssessmentDto, StartTypRelationshipDto } from './typ.dto.js';

/** The TYP relationship (law 381/2023) and its multi-sectoral assessment. */
@ApiTags('typ')
@Controller('clients/:clientId')
export class TypController {
  constructor(private readonly bus: CommandBus) {}

  @Post('typ-relationship')
  @ApiOperation({ summary: 'Start the TYP relationship (the multi-sectoral assessment starts)' })
  start(@Param('clientId', IdPipe) clientId: string, @Body() data: StartTypRelationshipDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'StartTypRelationship', data }, meta, ifMatch);
  }

  @Post('typ-relationship/end')
  @ApiOperation({ summary: 'End the TYP relationship by the agencies\' joint assessment' })
  end(@Param('clientId', IdPipe) clientId: string, @Body() data: EndTypRelationshipDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'EndTypRelationship', data }, meta, ifMatch);
  }

  @Post('service-need-assessments')
  @ApiOperation({ summary: 'Record the multi-sectoral service-need assessment' })
  assess(@Param('clientId', IdPipe) clientId: string, @Body() data: RecordServiceNeedAssessmentDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'RecordServiceNeedAssessment', data }, meta, ifMatch);
  }
}
