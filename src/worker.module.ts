import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { domainModules } from './app.module';
import { loggerOptions } from './common/logger-options';
import type { AppConfig } from './config/app-config';

/** What the Temporal worker needs: the domain services behind activities, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [LoggerModule.forRoot(loggerOptions(config)), ...domainModules(config)] };
  }
}
