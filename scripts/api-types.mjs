// The panel's API types are generated from the OpenAPI document (`npm run openapi` writes it to
// dist/openapi.json), never written by hand. `node scripts/api-types.mjs` rewrites the committed
// file; `--check` fails when the committed file no longer matches the document; `--document PATH`
// reads another copy of the document (the one a running API serves, say).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const typesPath = join(root, 'admin/src/api/schema.d.ts');
const { values: args } = parseArgs({
  options: { check: { type: 'boolean', default: false }, document: { type: 'string', default: join(root, 'dist/openapi.json') } },
});

// Imported when it runs, not statically: every script in scripts/ must load before anything is installed.
const { default: openapiTS, astToString } = await import('openapi-typescript');

const header = '// Generated from the OpenAPI document by `npm run api-types`; do not edit.\n\n';
const document = JSON.parse(readFileSync(args.document, 'utf8'));
// A default is what the server fills in when a request leaves the field out, so the field stays optional.
const generated = header + astToString(await openapiTS(document, { defaultNonNullable: false }));

if (args.check) {
  const committed = readFileSync(typesPath, 'utf8');
  if (committed !== generated) {
    process.stderr.write(`${typesPath} is out of date with the OpenAPI document: run \`npm run api-types\` and commit it.\n`);
    process.exit(1);
  }
} else {
  writeFileSync(typesPath, generated);
}
