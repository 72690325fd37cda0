// `npm run guide`: walks the billing team's guide in Chromium (test/admin/billing-team-guide.spec.ts)
// and writes its screenshots into docs/guide/images, for committing with the guide. `npm test`
// walks the same steps, keeping its pictures in the run's scratch folder.
import { join } from 'node:path';
import { run, stopOnSignals } from './lib/processes.mjs';
import { ROOT } from './lib/setup.mjs';

stopOnSignals();
await run('node', [join(ROOT, 'scripts', 'test.mjs'), 'test/admin/billing-team-guide.spec.ts'], {
  env: { ...process.env, GUIDE_SCREENSHOTS_DIR: join(ROOT, 'docs', 'guide', 'images') },
});
