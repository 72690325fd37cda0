// npm run check: format, lint, types and the API contract. The checks are independent,
// so they run side by side, as many at once as there are cores, longest first; each
// one's output is shown whole when it fails, so two failures never interleave.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const ROOT = new URL('..', import.meta.url).pathname;

/** Each check is a list of commands run in order; the estimate (seconds, on two cores) orders the queue. */
const CHECKS = [
  { name: 'eslint', seconds: 50, steps: [['npx', 'eslint', '.', '--max-warnings', '0']] },
  {
    name: 'OpenAPI document (build, export, Redocly lint, the admin panel types generated from it)',
    seconds: 35,
    steps: [
      ['npm', 'run', '--silent', 'openapi'],
      ['npx', 'redocly', 'lint'],
      ['node', 'scripts/api-types.mjs', '--check'],
    ],
  },
  { name: 'types (API and tests)', seconds: 30, steps: [['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json']] },
  { name: 'prettier', seconds: 25, steps: [['npx', 'prettier', '--check', '.']] },
  { name: 'types (admin panel)', seconds: 20, steps: [['npm', 'run', '--silent', 'typecheck', '--workspace', 'admin']] },
];

function runStep([command, ...args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (err) => resolve({ ok: false, output: `${output}${err.message}\n` }));
    child.on('exit', (code) => resolve({ ok: code === 0, output }));
  });
}

async function runCheck(check) {
  const started = Date.now();
  let output = '';
  for (const step of check.steps) {
    const result = await runStep(step);
    output += result.output;
    if (!result.ok) return { ...check, ok: false, output, seconds: (Date.now() - started) / 1000 };
  }
  return { ...check, ok: true, output, seconds: (Date.now() - started) / 1000 };
}

const queue = [...CHECKS].sort((a, b) => b.seconds - a.seconds);
const results = [];
const lanes = Array.from({ length: Math.max(1, Math.min(availableParallelism(), queue.length)) }, async () => {
  for (let check = queue.shift(); check; check = queue.shift()) {
    const result = await runCheck(check);
    process.stdout.write(`${result.ok ? '✓' : '✖'} ${result.name} (${result.seconds.toFixed(1)} s)\n`);
    results.push(result);
  }
});
await Promise.all(lanes);

const failed = results.filter((r) => !r.ok);
for (const r of failed) process.stdout.write(`\n── ${r.name} failed ──\n${r.output}\n`);
process.exit(failed.length ? 1 : 0);
