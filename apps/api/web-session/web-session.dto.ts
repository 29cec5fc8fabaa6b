import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IdField } from '../../../libs/commands/fields/dto-fields.js';
import { PrincipalDto } from '../me/me.controller.js';
import { DEMO_SIGN_IN_PEOPLE } from '../../../scripts/demo/sign-in-people.js';

/** The roles the demo list offers, from the list itself, so the document cannot fall behind it. */
const DEMO_ROLES = [...new Set(DEMO_SIGN_IN_PEOPLE.map((p) => p.role))];

export class WebSessionDto {
  @ApiProperty() signedIn: boolean;
  @ApiProperty({
    description: 'Whether the development sign-in (demo people) is offered: embedded mode with the local secret only',
  })
  demoSignIn: boolean;
  @ApiProperty({
    description:
      "Whether sign-in with the organisation's identity provider (OpenID Connect) is offered: GET /session/oidc/start",
  })
  oidcSignIn: boolean;
  @ApiPropertyOptional({ enum: ['demo', 'oidc'], description: 'How this session was signed in' })
  signInMethod?: 'demo' | 'oidc';
  @ApiPropertyOptional({ type: PrincipalDto }) principal?: PrincipalDto;
  @ApiPropertyOptional({ description: 'Send as X-CSRF-Token on every write of this session' }) csrfToken?: string;
}

export class DemoPersonDto {
  @ApiProperty() personId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationType: string;
  @ApiProperty() organisationName: string;
  @ApiProperty({ enum: DEMO_ROLES }) role: string;
  @ApiProperty({ description: 'The demo client whose path they take part in' }) demoClientId: string;
}

export class DemoSignInDto {
  @IdField({ description: 'One of GET /session/demo-people', example: 'te-outi-virtanen' }) personId: string;
}

export class OidcSignOutDto {
  @ApiPropertyOptional({
    description: "The issuer's end_session_endpoint (RP-initiated logout): open it to sign out there too",
  })
  endSessionUrl?: string;
}
