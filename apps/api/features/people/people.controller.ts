import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../infrastructure/request-context/index.js';
import { runClientCommand } from '../client-commands/index.js';
import { IdPipe } from '../shared/params.js';
import { DesignateLeadOfficerDto, NamePersonDto, ReleasePersonDto } from './people.dto.js';

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
  @ApiOperation({ summary: 'Name a person of an organisation on the client in a role' })
  name(@Param('clientId', IdPipe) clientId: string, @Body() data: NamePersonDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'NamePerson', data }, meta, ifMatch);
  }

  @Post('release')
  @ApiOperation({ summary: 'Release a person the caller\'s organisation named' })
  release(@Param('clientId', IdPipe) clientId: string, @Body() data: ReleasePersonDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'ReleasePerson', data }, meta, ifMatch);
  }

  @Post('lead')
  @ApiOperation({ summary: 'Designate the client\'s lead responsible officer (asiakasvastaava) among the people named now' })
  lead(@Param('clientId', IdPipe) clientId: string, @Body() data: DesignateLeadOfficerDto, @CommandMeta() meta: CommandMeta, @Headers('if-match') ifMatch?: string) {
    return runClientCommand(this.bus, clientId, { type: 'DesignateLeadOfficer', data }, meta, ifMatch);
  }
}
