import { Module } from '@nestjs/common';
import { AuthModule } from '../infrastructure/auth/auth.module.js';
import { WebSessionController } from './web-session.controller.js';

@Module({ imports: [AuthModule], controllers: [WebSessionController] })
export class WebSessionModule {}
