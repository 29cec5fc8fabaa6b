import type { INestApplication } from '@nestjs/common';
import type { HttpPlatform } from '../../../../libs/config/index.js';

export function platformOf(app: INestApplication): HttpPlatform {
  return app.getHttpAdapter().getType() === 'fastify' ? 'fastify' : 'express';
}
