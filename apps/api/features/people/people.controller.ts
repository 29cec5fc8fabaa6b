import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { ClientCommandRoute, runClientCommand } from '../client-commands/index.js';
import { IdParam } from '../shared/params.js';
import {
  DesignateLeadOfficerDto,
  NamePersonDto,
  ReleasePersonDto,
} from '../../../../libs/commands/people/people.dto.js';

/**
 * The people each organisation names on a client, each in a role: responsible officer
 * (vastuuvirkailija), named worker (omatyöntekijä), a period's own instructor (omaohjaaja);
 * one of them leads (asiakasvastaava). Naming one never ends another's.
 */
@ApiTags('people named on a client')
@Controller('clients/:clientId/people')
export class PeopleController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @ClientCommandRoute('NamePerson', 'Name a person of an organisation on the client in a role')
  name(@IdParam('clientId') clientId: string, @Body() data: NamePersonDto, @CommandMeta() meta: CommandMeta) {
    return runClientCommand(this.bus, clientId, { type: 'NamePerson', data }, meta);
  }

  @Post('release')
  @ClientCommandRoute('ReleasePerson', "Release a person the caller's organisation named")
  release(@IdParam('clientId') clientId: string, @Body() data: ReleasePersonDto, @CommandMeta() meta: CommandMeta) {
    return runClientCommand(this.bus, clientId, { type: 'ReleasePerson', data }, meta);
  }

  @Post('lead')
  @ClientCommandRoute(
    'DesignateLeadOfficer',
    "Designate the client's lead responsible officer (asiakasvastaava) among the people named now",
  )
  lead(@IdParam('clientId') clientId: string, @Body() data: DesignateLeadOfficerDto, @CommandMeta() meta: CommandMeta) {
    return runClientCommand(this.bus, clientId, { type: 'DesignateLeadOfficer', data }, meta);
  }
}
