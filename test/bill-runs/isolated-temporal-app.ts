import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '../../src/config/app-config';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

/**
 * A test app on its own database with a worker on its own task queue and a
 * Temporal client: bill runs bill every due account they find, so they must not
 * meet other suites' accounts.
 */
export async function isolatedTemporalApp(
  overrides: Partial<Record<keyof AppConfig, string>> = {},
): Promise<{ sut: TestApp; client: Client; close: () => Promise<void> }> {
  const sut = await createIsolatedTestApp(overrides);
  const { stop } = await startTestWorker(sut);
  const connection = await Connection.connect({ address: sut.config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: sut.config.TEMPORAL_NAMESPACE });
  return {
    sut,
    client,
    close: async () => {
      await stop();
      await connection.close();
      await sut.close();
    },
  };
}
