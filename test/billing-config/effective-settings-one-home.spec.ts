import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Inheritance of billing settings and the anniversary day are resolved in one
 * place, billing-config's effective_billing_settings view. Code elsewhere reads
 * that view; only billing-config, the migrations that build the tables and the
 * demo seeding touch billing_settings itself.
 */
describe('effective billing settings have one home', () => {
  const owners = ['billing-config/', 'database/migrations/', 'database/table-owners.ts', 'demo/'];
  const files = sourceFiles(SRC)
    .map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }))
    .filter((f) => !owners.some((owner) => f.path.startsWith(owner)));

  it('no other module reads billing_settings itself', () => {
    // An action code in quotes ('billing_settings.update', which the action history puts in words) names no table.
    expect(files.filter((f) => /(?<!effective_|')\bbilling_settings\b(?!\.[a-z_]+')/.test(f.text)).map((f) => f.path)).toEqual([]);
  });

  it('no other module works out the anniversary day', () => {
    expect(files.filter((f) => /DAY\(COALESCE\(\s*\w*\.?activated_at/i.test(f.text)).map((f) => f.path)).toEqual([]);
  });
});
