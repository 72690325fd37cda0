import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
  it('stops with a message naming the Go toolchain', () => {
    const sut = runCommand('dev.mjs', { PATH: '/usr/bin:/bin', HOME: '/nonexistent-home', DATABASE_URL: 'mysql://root@127.0.0.1:3306/backhaul' });
    // On a machine where /usr/local/go exists the CLI is simply found or built; only assert the no-Go case where it applies.
    if (sut.stderr.includes('no Go toolchain')) {
      expect(sut.status).toBe(1);
      expect(sut.stderr).toContain('Install Go');
    } else {
      expect(sut.stderr).not.toContain('no Go toolchain');
    }
  });
});

describe('CI', () => {
  it('runs exactly the README test command', () => {
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci.trim().split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('set ') && !l.startsWith('cd '))).toEqual(['npm test']);
  });
});
