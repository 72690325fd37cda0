import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../config/app-config';
import { DEMO_ADMIN, loadDemoData } from '../demo/demo-data';
import { WorkerModule } from '../worker.module';

/** `npm run seed`: the demo data set for a local instance. Never run against production. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const loaded = await loadDemoData(app);
    process.stdout.write(loaded ? `Demo data loaded; log in as ${DEMO_ADMIN.email}\n` : 'Demo data already present\n');
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Loading demo data failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
