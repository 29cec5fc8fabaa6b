import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { runClientCommand } from '../client-commands/index.js';
import { IdPipe } from '../shared/params.js';
import { AssignResponsibleOfficerDto, ReleaseResponsibleOfficerDto } from './officers.dto.js';

/** The named responsible officer (asiakasvastaava / vastuuvirkailija / omatyöntekijä). */
@ApiTags('responsible officer')
@Controller('clients/:clientId/responsible-officer')
export class OfficersController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Assign the responsible officer (replaces the current one)' })
  assign(@Param('clientId', IdPipe) clientId: string, @Body() data: AssignResponsibleOfficerDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'AssignResponsibleOfficer', data }, meta, ifMatch);
  }

  @Post('release')
  @ApiOperation({ summary: 'Release the current responsible officer' })
  release(@Param('clientId', IdPipe) clientId: string, @Body() data: ReleaseResponsibleOfficerDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'ReleaseResponsibleOfficer', data }, meta, ifMatch);
  }
}
