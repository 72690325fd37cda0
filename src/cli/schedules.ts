import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../config/app-config';
import { ensureSchedules } from '../schedules';

/** Creates or updates the Temporal Schedules the instance runs on (the nightly billing). */
async function main(): Promise<void> {
  const config = loadConfig();
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  try {
    await ensureSchedules(new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }), config);
    process.stdout.write(`Nightly billing scheduled at 00:15 ${config.BILLING_TIME_ZONE}\n`);
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Creating the Temporal schedules failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
