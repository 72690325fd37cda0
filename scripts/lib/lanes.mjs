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
export const GROUPED_LANES = ['integration'];

/** Where a full run writes the group files jest runs in place of a grouped lane's specs. */
export const specGroupsDir = (root) => join(root, 'test-results', 'groups');

/**
 * A grouped lane's specs, one group per folder under test/: each group is one jest test file
 * that loads its specs one after another, each inside a describe named after it. Loading the
 * application's modules is most of a small spec's time, and jest loads them again for every
 * test file, so one load per folder instead of one per spec halves the lane's work. A focused
 * run (`npm test -- test/x.spec.ts`) still runs the specs themselves.
 */
export function writeSpecGroups(root, lane, byLane = specsByLane(root)) {
  const dir = join(specGroupsDir(root), lane);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const byFolder = new Map();
  for (const spec of byLane[lane]) {
    const folder = spec.split('/')[1];
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), spec]);
  }
  const runner = relative(dir, join(root, 'test', 'support', 'spec-group'))
    .split(sep)
    .join('/');
  for (const [folder, specs] of byFolder) {
    const lines = specs.map((spec) => `  '${spec}',`).join('\n');
    const source = `// Written by npm test: the ${lane} specs of test/${folder}/, run as one jest test file.\nimport { runSpecGroup } from '${runner}';\n\nrunSpecGroup([\n${lines}\n]);\n`;
    writeFileSync(join(dir, `${folder}.spec.ts`), source);
  }
  return dir;
}
