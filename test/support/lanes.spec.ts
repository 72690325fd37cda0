import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// The lane map in lanes.json decides what `npm test -- --lane X` runs and what it starts first;
// a spec in the wrong lane either fails for want of a service or slows the quick lanes down.

const ROOT = join(__dirname, '..', '..');
const map = JSON.parse(readFileSync(join(__dirname, 'lanes.json'), 'utf8')) as Record<'unit' | 'browser' | 'chaos', string[]>;

function specsUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return specsUnder(path);
    return entry.name.endsWith('.spec.ts') ? [path.split(sep).join('/')] : [];
  });
}

const allSpecs = specsUnder('test');
const named = [...map.unit, ...map.browser, ...map.chaos];
const integration = allSpecs.filter((spec) => !named.includes(spec));

/** The spec's own source and that of every test helper it imports, directly or not. */
function sourceWithHelpers(spec: string): { file: string; text: string }[] {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const match of text.matchAll(/(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), match[1]);
      const found = [`${target}.ts`, join(target, 'index.ts')].find((candidate) => existsSync(candidate));
      if (found && relative(ROOT, found).startsWith(`test${sep}`)) visit(found);
    }
  };
  visit(join(ROOT, spec));
  return [...seen].map(([file, text]) => ({ file: relative(ROOT, file), text }));
}

/** Whether the spec, or a helper of its own folder's kind (not the shared ones in test/support, which define these calls), makes the call. */
const calls = (spec: string, pattern: RegExp) =>
  sourceWithHelpers(spec).some(({ file, text }) => !file.startsWith(join('test', 'support', '')) && pattern.test(text));

const OPENS_BROWSER = /\b(launchBrowser|openPanel|panelOnTestApp)\(/;
// Taking a server away or killing a worker mid-run: a private MariaDB or Temporal server to stop, or a worker process to kill.
const CAUSES_OUTAGE = /\b(PrivateMariaDb|PrivateTemporal)\.create\(|\.kill\('SIGKILL'\)|\bstartWorkerProcess\(/;
// Whatever needs the database, Temporal, stripe-mock or a browser.
const NEEDS_SERVICES =
  /\bcreate(Isolated)?TestApp\(|\bpanelOnTestApp\(|\bisolatedTemporalApp\(|\bstartTestWorker\(|\bstartWorkerProcess\(|\blaunchBrowser\(|\bPrivateMariaDb\b|workflowBundlePath\(|from '(mysql2(\/promise)?|typeorm|@temporalio\/client)'|process\.env\.(DATABASE_URL|TEMPORAL_ADDRESS|STRIPE_API_BASE)/;

describe('test lanes', () => {
  it('names only specs that exist, each in one lane', () => {
    for (const spec of named) expect(allSpecs).toContain(spec);
    expect(new Set(named).size).toBe(named.length);
    expect(map.unit.length + map.browser.length + map.chaos.length + integration.length).toBe(allSpecs.length);
  });

  it('sees the markers it sorts by, or the checks below prove nothing', () => {
    expect(calls('test/admin/admin-smoke.spec.ts', OPENS_BROWSER)).toBe(true);
    expect(calls('test/bill-runs/bill-run-database-outage.spec.ts', CAUSES_OUTAGE)).toBe(true);
    expect(calls('test/bill-runs/bill-run-crash.spec.ts', CAUSES_OUTAGE)).toBe(true);
    expect(calls('test/webhooks/webhook-inbox-temporal-outage.spec.ts', CAUSES_OUTAGE)).toBe(true);
    // Through the shared panel fixture.
    expect(calls('test/admin/global-search-matches.spec.ts', OPENS_BROWSER)).toBe(true);
    // Through a helper only: the accounts fixture's test app.
    expect(calls('test/accounts/account-crud.spec.ts', NEEDS_SERVICES)).toBe(true);
  });

  it.each(map.unit)('%s (unit) needs no service', (spec) => {
    const offending = sourceWithHelpers(spec)
      .filter(({ file, text }) => file !== join('test', 'support', 'lanes.spec.ts') && NEEDS_SERVICES.test(text))
      .map(({ file }) => file);
    expect(offending).toEqual([]);
  });

  it('puts every spec that opens a browser in the browser lane, and no other', () => {
    expect(allSpecs.filter((spec) => calls(spec, OPENS_BROWSER)).sort()).toEqual([...map.browser].sort());
  });

  it('puts every spec that kills a worker or stops a server in the chaos lane, and no other', () => {
    expect(allSpecs.filter((spec) => calls(spec, CAUSES_OUTAGE)).sort()).toEqual([...map.chaos].sort());
  });
});
