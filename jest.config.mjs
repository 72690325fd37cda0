// One jest project per test lane (see test/support/lanes.json and scripts/lib/lanes.mjs):
// `npm test -- --lane unit` selects one, a focused run (`npm test -- test/audit`) spans them.
import { GROUPED_LANES, specGroupsDir, specsByLane } from './scripts/lib/lanes.mjs';

const root = import.meta.dirname;
const byLane = specsByLane(root);

const shared = {
  rootDir: root,
  testEnvironment: 'node',
  // tsconfig.json sets isolatedModules, so ts-jest only transpiles; `npm run check` type-checks the tests.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // geotiff's ES-module-only cache for tiles read over HTTP; Jest cannot load it (see the stand-in).
  moduleNameMapper: { '^quick-lru$': '<rootDir>/test/support/quick-lru-stand-in.ts' },
};

// The services' lanes share one set-up per run: the migrated template database and the workflow bundle.
const withServices = {
  ...shared,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/books-check-setup.ts'],
};

// A full run (TEST_SPEC_GROUPS set by scripts/test.mjs) runs a grouped lane's group files instead of its specs.
const grouped = (lane) => process.env.TEST_SPEC_GROUPS === '1' && GROUPED_LANES.includes(lane);
const testMatch = (lane) =>
  grouped(lane) ? [`${specGroupsDir(root)}/${lane}/*.spec.ts`] : byLane[lane].map((spec) => `<rootDir>/${spec}`);
const project = (lane, config) => ({ ...config, displayName: lane, testMatch: testMatch(lane) });

export default {
  // Run-wide options: jest reads these from here, not from the projects.
  testTimeout: 60000,
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
  projects: [
    // Unit specs open no test app, so the books check after each test would have nothing to look at.
    project('unit', shared),
    project('integration', withServices),
    project('browser', withServices),
    project('chaos', withServices),
  ],
};
