// What a run's lanes took: one line per lane and its slowest spec files, from jest's JSON results.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { specGroupsDir } from './lanes.mjs';

/** jest's results for one invocation, or null when it wrote none (it could not start). */
export function readResults(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** The lane's counts and its spec files by time taken, slowest first. */
export function laneSummary(root, lane, results, seconds) {
  const files = (results?.testResults ?? []).map((file) => ({
    spec: relative(root, file.name),
    seconds: Math.round((file.endTime - file.startTime) / 100) / 10,
    status: file.status,
  }));
  // A grouped lane's jest files are its groups; the groups wrote what each of their specs took.
  const groups = join(specGroupsDir(root), lane);
  const specs = existsSync(groups)
    ? readdirSync(groups)
        .filter((name) => name.endsWith('.times.json'))
        .flatMap((name) => Object.entries(JSON.parse(readFileSync(join(groups, name), 'utf8'))))
        .map(([spec, took]) => ({ spec, seconds: Math.round(took * 10) / 10 }))
    : [];
  const slowest = specs.length ? specs : files;
  slowest.sort((a, b) => b.seconds - a.seconds);
  return {
    lane,
    seconds: Math.round(seconds * 10) / 10,
    files: files.length,
    tests: results?.numTotalTests ?? 0,
    passed: results?.numPassedTests ?? 0,
    failed: results?.numFailedTests ?? 0,
    failedFiles: results?.numFailedTestSuites ?? 0,
    slowest,
  };
}

const pad = (text, width) => String(text).padEnd(width);

export function formatSummary({ phases, lanes, totalSeconds }, { slowest = 5 } = {}) {
  const lines = ['', 'Where the time went:'];
  for (const phase of phases) lines.push(`  ${pad(phase.name, 34)}${phase.seconds.toFixed(1).padStart(7)} s`);
  for (const lane of lanes) {
    lines.push(
      `  ${pad(`lane ${lane.lane}`, 34)}${lane.seconds.toFixed(1).padStart(7)} s  ` +
        `${lane.files} files, ${lane.tests} tests: ${lane.passed} passed, ${lane.failed} failed`,
    );
    for (const file of lane.slowest.slice(0, slowest)) lines.push(`      ${file.seconds.toFixed(1).padStart(6)} s  ${file.spec}`);
  }
  lines.push(`  ${pad('total', 34)}${totalSeconds.toFixed(1).padStart(7)} s`, '');
  return lines.join('\n');
}
