import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ORGANISATION_TYPES } from '../../../libs/events/index.js';
import { CurrentPrincipal } from '../infrastructure/auth/decorators.js';
import { ROLES, type Principal } from '../infrastructure/auth/principal.js';
import { ApiProblemResponses } from '../infrastructure/problem/api-problem-response.js';

class ActorDto {
  @ApiProperty() personId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) organisationType: string;
}

export class PrincipalDto {
  @ApiProperty({ example: 'p-1001' }) personId: string;
  @ApiProperty({ example: 'Maija Virtanen' }) displayName: string;
  @ApiProperty({ example: 'te-keski-suomi' }) organisationId: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) organisationType: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ description: 'How this caller is recorded as the author of events' }) actor: ActorDto;
}

@ApiTags('operations')
@Controller('me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'Who the API thinks you are', description: 'Lets integrators check their tokens.' })
  @ApiOkResponse({ type: PrincipalDto })
  @ApiProblemResponses(401)
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
