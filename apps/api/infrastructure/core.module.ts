import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { ApiConfig } from '../config.js';
import { API_CONFIG, CLOCK, systemClock, type Clock } from './tokens.js';

/** Global values every module may inject: the loaded config and the clock. */
@Global()
@Module({})
// biome-ignore lint/complexity/noStaticOnlyClass: a Nest dynamic module is a class with a static forRoot
export class CoreModule {
  static forRoot(config: ApiConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [API_CONFIG, CLOCK],
    };
  }
}
