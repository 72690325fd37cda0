import 'reflect-metadata';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMigrations } from '../../src/database/migrate';
import { WORKFLOWS_PATH } from '../../src/temporal/workflow-bundle';
import { copyDatabase, templateDatabaseUrl } from './database-template';
import { workflowBundlePath } from './paths';

const databaseName = (url: string) => new URL(url).pathname.replace(/^\//, '');

/**
 * Once per run, whichever lanes it takes (each lane is a jest invocation of its own): the
 * migrated template database, the run's database copied from it, and the workflow bundle
 * every test worker shares.
 */
export default async function globalSetup(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl?.includes('backhaul_test_')) {
    throw new Error('Run the suite with `npm test`: it prepares a fresh database and a Temporal server.');
  }
  const prepared = join(process.env.TEST_SCRATCH_DIR!, 'prepared');
  if (existsSync(prepared)) return;
  const template = templateDatabaseUrl(databaseUrl);
  await runMigrations({ DATABASE_URL: template });
  await copyDatabase(databaseUrl, databaseName(template), databaseName(databaseUrl));
  const bundle = await bundleWorkflowCode({ workflowsPath: require.resolve(WORKFLOWS_PATH), logger: new DefaultLogger('WARN') });
  mkdirSync(process.env.TEST_SCRATCH_DIR!, { recursive: true });
  writeFileSync(workflowBundlePath(), bundle.code);
  writeFileSync(prepared, new Date().toISOString());
}
