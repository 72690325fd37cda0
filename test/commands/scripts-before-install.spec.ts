import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// The README's commands run scripts/ on a fresh clone, before `npm ci` has put anything in
// node_modules: whatever those scripts load before their install step must be Node's own.

const ROOT = join(__dirname, '..', '..');
const SCRIPTS = join(ROOT, 'scripts');

/** The specifiers a module imports statically (dynamic `import()` is left out on purpose). */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s[^;'"`]*?from\s*['"]([^'"]+)['"]/gm)) found.push(match[1]);
  for (const match of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.push(match[1]);
  return found;
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier);
}

/** Every package a script reaches through static imports, directly or through its relative imports. */
function packagesReachedStatically(entry: string): { file: string; specifier: string }[] {
  const seen = new Set<string>();
  const packages: { file: string; specifier: string }[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else if (!isBuiltin(specifier)) packages.push({ file: file.slice(ROOT.length + 1), specifier });
    }
  };
  visit(entry);
  return packages;
}

const entryScripts = readdirSync(SCRIPTS).filter((name) => name.endsWith('.mjs'));

describe('scripts run before the npm install', () => {
  it('finds the entry scripts and reads their imports', () => {
    expect(entryScripts).toEqual(expect.arrayContaining(['dev.mjs', 'test.mjs']));
    // The reader itself must see a package import when there is one, or the check below proves nothing.
    const probe = mkdtempSync(join(tmpdir(), 'backhaul-imports-'));
    writeFileSync(join(probe, 'helper.mjs'), "import { join } from 'node:path';\nimport {\n  simpleParser,\n} from 'mailparser';\n");
    writeFileSync(
      join(probe, 'entry.mjs'),
      "import './helper.mjs';\nexport { SMTPServer } from 'smtp-server';\nconst later = () => import('pg');\n",
    );
    expect(packagesReachedStatically(join(probe, 'entry.mjs')).map((p) => p.specifier)).toEqual(['smtp-server', 'mailparser']);
  });

  it.each(entryScripts)('%s statically imports only Node built-ins', (script) => {
    expect(packagesReachedStatically(join(SCRIPTS, script))).toEqual([]);
  });

  it.each(['dev.mjs', 'test.mjs'])('%s in a copy without node_modules gets as far as the database check', (script) => {
    const copy = mkdtempSync(join(tmpdir(), 'backhaul-fresh-'));
    cpSync(SCRIPTS, join(copy, 'scripts'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    const sut = spawnSync('node', [join(copy, 'scripts', script)], {
      cwd: copy,
      env: { ...process.env, DATABASE_URL: 'mysql://root@127.0.0.1:1/backhaul' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(sut.stderr).not.toContain('ERR_MODULE_NOT_FOUND');
    expect(sut.stderr).toContain('Cannot reach MariaDB/MySQL at 127.0.0.1:1');
    expect(sut.status).toBe(1);
  });
});
