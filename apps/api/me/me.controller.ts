import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ORGANISATION_TYPES } from '../../../libs/events/index.js';
import { CurrentPrincipal } from '../infrastructure/auth/decorators.js';
import { CLIENT_ORGANISATION, ROLES, type Principal } from '../../../libs/auth/principal.js';
import { ApiProblemResponses } from '../infrastructure/problem/api-problem-response.js';

/** A client (role `client`) belongs to no organisation: organisation `self`, type `client`. */
const CALLER_ORGANISATION_TYPES = [...ORGANISATION_TYPES, 'client'];
const organisationDescription = `The caller's organisation (\`${CLIENT_ORGANISATION}\` for a client)`;

class ActorDto {
  @ApiProperty() personId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ description: organisationDescription }) organisationId: string;
  @ApiProperty({ type: 'string', enum: CALLER_ORGANISATION_TYPES }) organisationType: string;
}

export class PrincipalDto {
  @ApiProperty({ example: 'p-1001' }) personId: string;
  @ApiProperty({ example: 'Maija Virtanen' }) displayName: string;
  @ApiProperty({ example: 'te-keski-suomi', description: organisationDescription }) organisationId: string;
  @ApiProperty({ type: 'string', enum: CALLER_ORGANISATION_TYPES }) organisationType: string;
  @ApiProperty({ type: 'string', enum: ROLES }) role: string;
  @ApiProperty({ description: 'How this caller is recorded as the author of events' }) actor: ActorDto;
}

@ApiTags('operations')
@Controller('me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'Who the API thinks you are', description: 'Lets integrators check their tokens.' })
  @ApiOkResponse({ type: PrincipalDto })
  @ApiProblemResponses(401, 503)
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
