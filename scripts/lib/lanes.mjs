// The test lanes: which specs run in which lane, and what each lane needs running.
// Node built-ins only: scripts/ runs before `npm ci` (test/commands/scripts-before-install.spec.ts).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** In the order a full run takes them: the cheapest and quickest to fail first. */
export const LANE_ORDER = ['unit', 'integration', 'browser', 'chaos'];

/** What a lane needs started before its specs run. */
export const LANE_NEEDS = {
  unit: { services: false, chromium: false },
  integration: { services: true, chromium: false },
  browser: { services: true, chromium: true },
  chaos: { services: true, chromium: false },
};

function specsUnder(root, dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : specsUnder(root, path);
    return entry.name.endsWith('.spec.ts') ? [path.split(sep).join('/')] : [];
  });
}

/**
 * Every spec under test/ by lane, as paths relative to root. Unit, browser and chaos specs are
 * named in test/support/lanes.json; every other spec is an integration spec.
 */
export function specsByLane(root) {
  const map = JSON.parse(readFileSync(join(root, 'test', 'support', 'lanes.json'), 'utf8'));
  const named = new Set([...map.unit, ...map.browser, ...map.chaos]);
  const all = specsUnder(root, 'test').sort();
  return {
    unit: map.unit,
    integration: all.filter((spec) => !named.has(spec)),
    browser: map.browser,
    chaos: map.chaos,
  };
}

/** The lane of a spec given as an absolute path (as jest lists them). */
export function laneOf(root, absolutePath, byLane = specsByLane(root)) {
  const spec = relative(root, absolutePath).split(sep).join('/');
  return LANE_ORDER.find((lane) => byLane[lane].includes(spec));
}

/** The lanes whose specs run grouped in a full run (see writeSpecGroups). */
export const GROUPED_LANES = ['integration', 'browser'];

/**
 * Each grouped lane runs as a number of chunks of similar length. A chunk is one jest test
 * file, which loads the application's modules once, so fewer chunks mean fewer loads; more
 * chunks than jest's two workers leave jest room to even out a chunk that ran long.
 */
const CHUNKS = { browser: 4, integration: 12 };

/** Where a full run writes the group files jest runs in place of a grouped lane's specs. */
export const specGroupsDir = (root) => join(root, 'test-results', 'groups');

/** Where every run on this machine records what each spec it ran took, for balancing the next run's chunks. */
const specSecondsFile = (root) => join(root, 'test-results', 'spec-seconds.json');

/**
 * What each spec took in a full run on a two-core machine, kept with the code so a fresh clone
 * (every CI run) deals its chunks by time too. Refresh it from a full run's record:
 * `cp test-results/spec-seconds.json test/support/spec-seconds.json`.
 */
const baselineSecondsFile = (root) => join(root, 'test', 'support', 'spec-seconds.json');

function readSeconds(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

/** What each spec took when it last ran on this machine, else in the kept baseline; empty when neither has it. */
export function recordedSeconds(root) {
  return { ...readSeconds(baselineSecondsFile(root)), ...readSeconds(specSecondsFile(root)) };
}

/** Adds a run's spec times (`{ spec, seconds }`, as the lane report lists them) to the record. */
export function recordSeconds(root, timings) {
  const record = recordedSeconds(root);
  for (const { spec, seconds } of timings) if (spec.startsWith('test/')) record[spec] = seconds;
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(specSecondsFile(root), `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Deals the specs into `count` chunks, longest first, each to the chunk with the least time
 * so far. A spec with no time on record counts as the median of those with one (or 1 s),
 * so a fresh clone gets chunks of equal size.
 */
export function balancedChunks(specs, count, seconds = {}) {
  const known = Object.values(seconds ?? {}).sort((a, b) => a - b);
  const usual = known.length ? known[Math.floor(known.length / 2)] : 1;
  const weight = (spec) => seconds?.[spec] ?? usual;
  const chunks = Array.from({ length: Math.min(count, specs.length) }, () => ({ specs: [], seconds: 0 }));
  for (const spec of [...specs].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lightest = chunks.reduce((min, chunk) => (chunk.seconds < min.seconds ? chunk : min));
    lightest.specs.push(spec);
    lightest.seconds += weight(spec);
  }
  return chunks.map((chunk) => chunk.specs.sort());
}

/**
 * A grouped lane's specs as groups: one jest test file each, loading its specs one after
 * another, each inside a describe named after it. Loading the application's modules is most
 * of a small spec's time, and jest loads them again for every test file, so one load per group
 * instead of one per spec halves the lane's work. The specs are dealt into balanced chunks
 * (CHUNKS). A focused run (`npm test -- test/x.spec.ts`) still runs the specs themselves.
 */
export function writeSpecGroups(root, lane, byLane = specsByLane(root), seconds = recordedSeconds(root)) {
  const dir = join(specGroupsDir(root), lane);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const groups = new Map();
  balancedChunks(byLane[lane], CHUNKS[lane] ?? 1, seconds).forEach((specs, i) => groups.set(`part-${i + 1}`, specs));
  const runner = relative(dir, join(root, 'test', 'support', 'spec-group'))
    .split(sep)
    .join('/');
  for (const [name, specs] of groups) {
    const lines = specs.map((spec) => `  '${spec}',`).join('\n');
    const source = `// Written by npm test: ${specs.length} ${lane} specs run as one jest test file.\nimport { runSpecGroup } from '${runner}';\n\nrunSpecGroup([\n${lines}\n]);\n`;
    writeFileSync(join(dir, `${name}.spec.ts`), source);
  }
  return dir;
}
