import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { InvalidConfigError, loadConfig } from './config/app-config';
import { routeTemporalLogsToPino } from './temporal/temporal-logging';
import { createWorker } from './temporal/worker.factory';
import { WorkerModule } from './worker.module';

async function run(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  routeTemporalLogsToPino(config, logger);
  const { worker, connection } = await createWorker(app, config);
  logger.log(`Worker polling task queue ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS}`);
  // worker.run() resolves after SIGINT/SIGTERM (the SDK installs the handlers) once in-flight tasks finish.
  try {
    await worker.run();
  } finally {
    await connection.close();
    await app.close();
  }
}

run().catch((err: unknown) => {
  process.stderr.write(
    err instanceof InvalidConfigError ? `${err.message}\n` : `Worker failed: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
