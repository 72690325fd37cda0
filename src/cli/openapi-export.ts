import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildOpenApiOffline } from '../openapi';

/**
 * Writes the OpenAPI document the API serves at /api/docs-json to a file (or stdout),
 * with no database or Temporal running: for the linter in `npm run check` and for
 * generating clients.
 */
async function main(): Promise<void> {
  const text = `${JSON.stringify(await buildOpenApiOffline(), null, 2)}\n`;
  const out = process.argv[2];
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

main().catch((err: unknown) => {
  process.stderr.write(`Building the OpenAPI document failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
