import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The lane helpers are plain ES modules shared with scripts/test.mjs; jest runs CommonJS, so
// each call goes through a Node process of its own.
const LANES = join(__dirname, '..', '..', 'scripts', 'lib', 'lanes.mjs');

function call(name: string, ...args: unknown[]): unknown {
  const program = `import(${JSON.stringify(LANES)}).then((m) => process.stdout.write(JSON.stringify(m[${JSON.stringify(name)}](...${JSON.stringify(args.filter((arg) => arg !== undefined))}) ?? null)))`;
  const result = spawnSync(process.execPath, ['-e', program], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}
const balancedChunks = (specs: string[], count: number, seconds?: Record<string, number>) =>
  call('balancedChunks', specs, count, seconds) as string[][];
const writeSpecGroups = (root: string, lane: string, byLane: Record<string, string[]>, seconds?: Record<string, number>) =>
  call('writeSpecGroups', root, lane, byLane, seconds) as string;
const recordSeconds = (root: string, timings: { spec: string; seconds: number }[]) => call('recordSeconds', root, timings);
const recordedSeconds = (root: string) => call('recordedSeconds', root) as Record<string, number>;

const specsIn = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^ {2}'([^']+)',$/gm)].map((m) => m[1]);

describe('spec groups of a full run', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'spec-groups-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('deals specs into chunks of similar length, longest first, each spec once', () => {
    const seconds = { 'test/a.spec.ts': 90, 'test/b.spec.ts': 60, 'test/c.spec.ts': 50, 'test/d.spec.ts': 40, 'test/e.spec.ts': 10 };
    const chunks = balancedChunks(Object.keys(seconds), 2, seconds);
    expect(chunks).toEqual([
      ['test/a.spec.ts', 'test/d.spec.ts'],
      ['test/b.spec.ts', 'test/c.spec.ts', 'test/e.spec.ts'],
    ]);
    const totals = chunks.map((chunk) => chunk.reduce((sum, spec) => sum + seconds[spec as keyof typeof seconds], 0));
    expect(Math.abs(totals[0] - totals[1])).toBeLessThanOrEqual(10);
  });

  it('on a fresh clone, with no times on record, makes chunks of equal size; never more chunks than specs', () => {
    const specs = Array.from({ length: 9 }, (_, i) => `test/s${i}.spec.ts`);
    expect(balancedChunks(specs, 4).map((chunk) => chunk.length)).toEqual([3, 2, 2, 2]);
    expect(balancedChunks(specs.slice(0, 2), 4)).toHaveLength(2);
  });

  it('writes browser specs in four parts and integration specs in twelve, every spec in exactly one group', () => {
    const browser = Array.from({ length: 10 }, (_, i) => `test/admin/screen-${i}.spec.ts`);
    const integration = ['test/billing/a.spec.ts', 'test/billing/b.spec.ts', 'test/email/c.spec.ts'];
    const byLane = { unit: [], integration, browser, chaos: [] };

    const seconds = Object.fromEntries(browser.map((spec) => [spec, spec.endsWith('screen-3.spec.ts') ? 120 : 20]));
    const browserDir = writeSpecGroups(root, 'browser', byLane, seconds);
    const parts = readdirSync(browserDir).sort();
    expect(parts).toEqual(['part-1.spec.ts', 'part-2.spec.ts', 'part-3.spec.ts', 'part-4.spec.ts']);
    const dealt = parts.flatMap((part) => specsIn(join(browserDir, part)));
    expect(dealt.sort()).toEqual([...browser].sort());
    // The long one is alone in its part.
    expect(specsIn(join(browserDir, 'part-1.spec.ts'))).toEqual(['test/admin/screen-3.spec.ts']);

    // Fewer specs than parts: one part each.
    expect(readdirSync(writeSpecGroups(root, 'integration', byLane)).sort()).toEqual([
      'part-1.spec.ts',
      'part-2.spec.ts',
      'part-3.spec.ts',
    ]);
    const many = Array.from({ length: 30 }, (_, i) => `test/folder-${i % 4}/spec-${i}.spec.ts`);
    const integrationDir = writeSpecGroups(root, 'integration', { ...byLane, integration: many }, {});
    const groups = readdirSync(integrationDir);
    expect(groups).toHaveLength(12);
    expect(groups.flatMap((group) => specsIn(join(integrationDir, group))).sort()).toEqual([...many].sort());
  });

  it('deals by the kept baseline on a clone with no record of its own, and by the record of this machine over it', () => {
    mkdirSync(join(root, 'test', 'support'), { recursive: true });
    writeFileSync(join(root, 'test', 'support', 'spec-seconds.json'), JSON.stringify({ 'test/a.spec.ts': 50, 'test/b.spec.ts': 5 }));
    expect(recordedSeconds(root)).toEqual({ 'test/a.spec.ts': 50, 'test/b.spec.ts': 5 });
    recordSeconds(root, [{ spec: 'test/b.spec.ts', seconds: 70 }]);
    expect(recordedSeconds(root)).toEqual({ 'test/a.spec.ts': 50, 'test/b.spec.ts': 70 });
  });

  it('keeps what each spec took across runs, ignoring group files', () => {
    expect(recordedSeconds(root)).toEqual({});
    recordSeconds(root, [
      { spec: 'test/admin/a.spec.ts', seconds: 30 },
      { spec: 'test-results/groups/integration/billing.spec.ts', seconds: 99 },
    ]);
    recordSeconds(root, [{ spec: 'test/admin/b.spec.ts', seconds: 12 }]);
    expect(recordedSeconds(root)).toEqual({ 'test/admin/a.spec.ts': 30, 'test/admin/b.spec.ts': 12 });
  });
});
