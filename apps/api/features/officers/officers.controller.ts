import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { ClientCommandRoute, runClientCommand } from '../client-commands/index.js';
import { IdParam } from '../shared/params.js';
import { AssignResponsibleOfficerDto, ReleaseResponsibleOfficerDto } from './officers.dto.js';

/** The named responsible officer (asiakasvastaava / vastuuvirkailija / omatyöntekijä). */
@ApiTags('responsible officer')
@Controller('clients/:clientId/responsible-officer')
export class OfficersController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @ClientCommandRoute('AssignResponsibleOfficer', 'Assign the responsible officer (replaces the current one)')
  assign(@IdParam('clientId') clientId: string, @Body() data: AssignResponsibleOfficerDto, @CommandMeta() meta: CommandMeta) {
    return runClientCommand(this.bus, clientId, { type: 'AssignResponsibleOfficer', data }, meta);
  }

  @Post('release')
  @ClientCommandRoute('ReleaseResponsibleOfficer', 'Release the current responsible officer')
  release(@IdParam('clientId') clientId: string, @Body() data: ReleaseResponsibleOfficerDto, @CommandMeta() meta: CommandMeta) {
    return runClientCommand(this.bus, clientId, { type: 'ReleaseResponsibleOfficer', data }, meta);
  }
}
