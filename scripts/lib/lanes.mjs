// The test lanes: which specs run in which lane, and what each lane needs running.
// Node built-ins only: scripts/ runs before `npm ci` (test/commands/scripts-before-install.spec.ts).
import { readdirSync, readFileSync } from 'node:fs';
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
