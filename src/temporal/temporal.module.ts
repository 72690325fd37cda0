import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { TaskQueueActivities } from './task-queue.activities';
import { TEMPORAL_CLIENT } from './temporal.tokens';

/**
 * The Temporal client of the API and the worker. The connection is lazy so the API boots (and can
 * report itself unhealthy) while the Temporal server is still starting.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Client({
          connection: Connection.lazy({ address: config.TEMPORAL_ADDRESS }),
          namespace: config.TEMPORAL_NAMESPACE,
        }),
    },
    TaskQueueActivities,
  ],
  exports: [TEMPORAL_CLIENT, TaskQueueActivities],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
