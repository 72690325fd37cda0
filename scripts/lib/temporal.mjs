import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { start } from './processes.mjs';
import { canConnect, SEARCH_ATTRIBUTES, waitFor } from './setup.mjs';

/**
 * A local Temporal dev server with the project's search attributes. With a
 * dbFile it keeps workflows across restarts; without one it lives in memory.
 */
export async function startTemporal(cli, { port, uiPort, dbFile, headless = false, quiet = false }) {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'error', '--namespace', 'default'];
  if (headless) args.push('--headless');
  else args.push('--ui-port', String(uiPort));
  if (dbFile) {
    mkdirSync(dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile);
  }
  for (const attribute of SEARCH_ATTRIBUTES) args.push('--search-attribute', attribute);
  const child = start('temporal', cli, args, { quiet });
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(`the Temporal dev server on :${port}`, async () => {
    if (exited) throw new Error('The Temporal dev server exited during start-up');
    return canConnect('127.0.0.1', port, 500);
  });
  return child;
}
