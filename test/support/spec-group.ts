import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBooksAfterEachTest, isMoneyLane } from './books-watch';

const ROOT = join(__dirname, '..', '..');

/**
 * Runs several spec files as one jest test file, sharing one load of the application's
 * modules (see writeSpecGroups in scripts/lib/lanes.mjs). Each spec is loaded inside a
 * describe named after it, so its top-level hooks stay its own, and a spec in a money lane
 * gets the books check after each of its tests as it would running alone. What each spec
 * took, hooks included, is written beside the group file for the run's timing report.
 */
// This module is the body of generated test files, not a test file: it exports on purpose,
// and its describe titles are the specs' paths.
// eslint-disable-next-line jest/no-export
export function runSpecGroup(specs: readonly string[]): void {
  const seconds: Record<string, number> = {};
  for (const spec of specs) {
    // eslint-disable-next-line jest/valid-title
    describe(spec, () => {
      let started = 0;
      beforeAll(() => {
        started = Date.now();
      });
      const path = join(ROOT, spec);
      if (isMoneyLane(path)) checkBooksAfterEachTest();
      // A describe's body is synchronous, and the spec must register its tests inside it.
      require(path);
      // Declared after the spec's own, so it runs after them.
      afterAll(() => {
        seconds[spec] = (Date.now() - started) / 1000;
      });
    });
  }
  afterAll(() => {
    writeFileSync(expect.getState().testPath!.replace(/\.spec\.ts$/, '.times.json'), JSON.stringify(seconds));
  });
}
