import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// `npm run dev` sends the services' output to files and keeps only warnings and errors on the
// terminal, so the banner stays the last thing a newcomer reads (scripts/lib/processes.mjs).

const PROCESSES = join(__dirname, '..', '..', 'scripts', 'lib', 'processes.mjs');

/** What the terminal shows for each line, as the dev command decides (null: the file only). */
function shown(lines: string[]): (string | null)[] {
  const program = `import(${JSON.stringify(PROCESSES)}).then(({ importantLine }) => process.stdout.write(JSON.stringify(${JSON.stringify(lines)}.map(importantLine))))`;
  const result = spawnSync(process.execPath, ['-e', program], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout);
}

describe('the dev command keeps its terminal readable', () => {
  it("hides the services' routine lines and shows warnings and errors in one line each", () => {
    expect(
      shown([
        '{"level":30,"time":1,"context":"RouterExplorer","msg":"Mapped {/api/health, GET} route"}',
        '{"level":40,"time":1,"context":"Temporal","msg":"Activity failed","err":{"message":"connect ECONNREFUSED"}}',
        '{"level":50,"time":1,"msg":"Unhandled error"}',
        'time=2026-12-02T10:00:00Z level=INFO msg="started" error=none',
        'time=2026-12-02T10:00:00Z level=ERROR msg="persistence failed"',
        'Routing to 419 path(s) and 594 endpoint(s)',
        'time=2026-12-02T10:00:00Z level=ERROR msg="Update workflow execution operation failed." error="context canceled"',
      ]),
    ).toEqual([
      null,
      'WARN Temporal: Activity failed (connect ECONNREFUSED)',
      'ERROR Unhandled error',
      null,
      'time=2026-12-02T10:00:00Z level=ERROR msg="persistence failed"',
      null,
      null,
    ]);
  });
});
