import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
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
  const savedDatabase = dbFile !== undefined && existsSync(dbFile);
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
  if (savedDatabase) registerMissingSearchAttributes(cli, port);
  return child;
}

/**
 * start-dev registers its --search-attribute flags only when it creates its database, so a
 * saved database lacks the attributes added since (BillingDay, for one). They are added here;
 * one already there is left alone, since the server will not change an attribute's type.
 */
function registerMissingSearchAttributes(cli, port) {
  const address = ['--address', `127.0.0.1:${port}`, '--namespace', 'default'];
  const listed = spawnSync(cli, ['operator', 'search-attribute', 'list', ...address], { encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`Could not list the search attributes of the Temporal dev server: ${listed.stderr}`);
  const present = new Set(listed.stdout.split('\n').map((line) => line.trim().split(/\s+/)[0]));
  for (const attribute of SEARCH_ATTRIBUTES) {
    const [name, type] = attribute.split('=');
    if (present.has(name)) continue;
    const created = spawnSync(cli, ['operator', 'search-attribute', 'create', ...address, '--name', name, '--type', type], {
      encoding: 'utf8',
    });
    if (created.status !== 0) throw new Error(`Could not add the search attribute ${name} to the Temporal dev server: ${created.stderr}`);
  }
}
