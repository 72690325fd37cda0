import 'reflect-metadata';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import { runMigrations } from '../../src/database/migrate';
import { WORKFLOWS_PATH } from '../../src/temporal/worker.factory';
import { workflowBundlePath } from './paths';

/** Once per run: the schema, and the workflow bundle every test worker shares. */
export default async function globalSetup(): Promise<void> {
  if (!process.env.DATABASE_URL?.includes('backhaul_test_')) {
    throw new Error('Run the suite with `npm test`: it prepares a fresh database and a Temporal server.');
  }
  await runMigrations({ DATABASE_URL: process.env.DATABASE_URL });
  const bundle = await bundleWorkflowCode({ workflowsPath: require.resolve(WORKFLOWS_PATH), logger: new DefaultLogger('WARN') });
  mkdirSync(process.env.TEST_SCRATCH_DIR!, { recursive: true });
  writeFileSync(workflowBundlePath(), bundle.code);
}
