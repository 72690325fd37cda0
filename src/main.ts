import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { InvalidConfigError, loadConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  // Node's default 5-minute request timeout would cut a 500 MB upload on a slow line.
  app.getHttpServer().requestTimeout = 60 * 60 * 1000;
  await app.listen(config.PORT, '0.0.0.0');
  new Logger('Bootstrap').log(`API listening on :${config.PORT} (docs at /api/docs, panel at /admin)`);
}

bootstrap().catch((err: unknown) => {
  if (err instanceof InvalidConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`API failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  }
  process.exit(1);
});
