import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IdField } from '../../../libs/commands/fields/dto-fields.js';
import { PrincipalDto } from '../me/me.controller.js';

export class WebSessionDto {
  @ApiProperty() signedIn: boolean;
  @ApiProperty({
    description: 'Whether the development sign-in (demo people) is offered: embedded mode with the local secret only',
  })
  demoSignIn: boolean;
  @ApiPropertyOptional({ type: PrincipalDto }) principal?: PrincipalDto;
  @ApiPropertyOptional({ description: 'Send as X-CSRF-Token on every write of this session' }) csrfToken?: string;
}

export class DemoPersonDto {
  @ApiProperty() personId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationType: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ enum: ['officer', 'instructor', 'auditor', 'client'] }) role: string;
  @ApiProperty({ description: 'The demo client whose path they take part in' }) demoClientId: string;
}

export class DemoSignInDto {
  @IdField({ description: 'One of GET /session/demo-people', example: 'te-outi-virtanen' }) personId: string;
}
