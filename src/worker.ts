import 'reflect-metadata';
import { setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { Logger } from 'nestjs-pino';
import { type AppConfig, InvalidConfigError, loadConfig } from './config/app-config';
import { ensureEmailDispatcher } from './email/email-dispatch-schedule';
import { ensureInboundMail } from './inbound-mail/inbound-mail-start';
import { ensureTimerReconciler } from './jobs/timer-reconciler-start';
import { routeTemporalLogsToPino } from './temporal/temporal-logging';
import { ensureWebhookDispatcher } from './webhooks/webhook-dispatcher-workflow';
import { ensureAccountingIngestion } from './usage/accounting-ingestion-start';
import { ensureCdrFolderWatch } from './voice/cdr-workflows';
import { createWorker } from './worker.factory';
import { WorkerModule } from './worker.module';

/**
 * How far the heap may grow past what the last full collection kept before V8
 * collects again. Left to itself, V8 lets a heap whose collections are cheap grow
 * to about four times what is live, so a long bill run's worker peaks far above
 * what it holds (about 100 MB live at any size); a bound keeps the peak where a
 * short run's is, at the cost of more frequent, still cheap, collections.
 */
const HEAP_GROWING_PERCENT = 50;

async function run(): Promise<void> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  routeTemporalLogsToPino(config, logger);
  yieldToTheApi(config, logger);
  const { worker, connection } = await createWorker(app, config);
  await startDispatchers(config, logger);
  logger.log(`Worker polling task queue ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS}`);
  // worker.run() resolves after SIGINT/SIGTERM (the SDK installs the handlers) once in-flight tasks finish.
  try {
    await worker.run();
  } finally {
    await connection.close();
    await app.close();
  }
}

/** Lowers this process's priority (WORKER_NICENESS); a system that refuses it leaves the worker as it was. */
function yieldToTheApi(config: AppConfig, logger: Logger): void {
  if (config.WORKER_NICENESS === 0) return;
  try {
    setPriority(config.WORKER_NICENESS);
  } catch (err) {
    logger.warn(`The worker's priority was left as it was: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Brings back the email and webhook dispatchers (and, with a RADIUS database, the
 * accounting ingestion; with a helpdesk mailbox, its reader; the timer reconciler; the call record folder's watcher) if they were terminated or never
 * started, so stranded emails and processor events are swept, usage read and lost timers put back, wherever a worker runs.
 * A failure here is logged, not fatal: the worker's own work does not depend on it
 * and the next start tries again.
 */
async function startDispatchers(config: AppConfig, logger: Logger): Promise<void> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    await ensureEmailDispatcher(client, config);
    await ensureWebhookDispatcher(client, config);
    if (config.RADIUS_DATABASE_URL) await ensureAccountingIngestion(client, config);
    // With a helpdesk mailbox configured, its reader (a no-op without one).
    await ensureInboundMail(client, config);
    // Puts back job reminders and ticket deadline timers whose start was lost, now and every 15 minutes.
    await ensureTimerReconciler(client, config);
    // Takes call record files from the watched folder, and starts imports that never started.
    await ensureCdrFolderWatch(client, config);
  } catch (err) {
    logger.warn(`The dispatchers could not be started: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await connection?.close();
  }
}

run().catch((err: unknown) => {
  process.stderr.write(
    err instanceof InvalidConfigError ? `${err.message}\n` : `Worker failed: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
