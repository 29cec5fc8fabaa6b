import { Module } from '@nestjs/common';
import { AuthModule } from '../infrastructure/auth/auth.module.js';
import { OidcClient, OidcController } from './oidc/index.js';
import { WebSessionController } from './web-session.controller.js';

@Module({ imports: [AuthModule], controllers: [WebSessionController, OidcController], providers: [OidcClient] })
export class WebSessionModule {}
