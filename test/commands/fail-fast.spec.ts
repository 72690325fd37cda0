import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function runCommand(script: string, env: Record<string, string>) {
  const started = Date.now();
  const result = spawnSync('node', [join(ROOT, 'scripts', script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { ...result, ms: Date.now() - started };
}

describe.each(['dev.mjs', 'test.mjs'])('%s without a database', (script) => {
  it('stops at once and says what to start or set', () => {
    const sut = runCommand(script, { DATABASE_URL: 'mysql://root@127.0.0.1:1/backhaul' });
    expect(sut.status).toBe(1);
    expect(sut.stderr).toContain('Cannot reach MariaDB/MySQL at 127.0.0.1:1');
    expect(sut.stderr).toContain('DATABASE_URL');
    expect(sut.ms).toBeLessThan(10_000);
  });

  it('refuses a DATABASE_URL that is not mysql://', () => {
    const sut = runCommand(script, { DATABASE_URL: 'postgres://root@127.0.0.1/backhaul' });
    expect(sut.status).toBe(1);
    expect(sut.stderr).toContain('DATABASE_URL is not a mysql:// URL');
  });
});

describe('commands without Go or the Temporal CLI', () => {
  it.each(['dev.mjs', 'test.mjs'])('%s stops with a message naming the Go toolchain', (script) => {
    const emptyBin = mkdtempSync(join(tmpdir(), 'no-go-'));
    symlinkSync(process.execPath, join(emptyBin, 'node'));
    const sut = runCommand(script, { PATH: emptyBin, HOME: emptyBin, GO: join(emptyBin, 'go') });
    expect(sut.stderr).toContain('The Temporal CLI is not installed and there is no Go toolchain to build it');
    expect(sut.stderr).toContain('Install Go');
    expect(sut.status).toBe(1);
    expect(sut.ms).toBeLessThan(10_000);
  });
});

describe('CI', () => {
  it('runs exactly the README test command', () => {
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(
      ci
        .trim()
        .split('\n')
        .filter((l) => l && !l.startsWith('#') && !l.startsWith('set ') && !l.startsWith('cd ')),
    ).toEqual(['npm test']);
  });
});
