import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a compiled entry point and resolves once its output contains `ready`. */
function startUntil(entry: string, env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn('node', [join(ROOT, 'dist', 'src', entry)], { cwd: ROOT, env: { ...process.env, ...env } });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} not ready in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('the compiled API and worker, as npm run dev starts them', () => {
  beforeAll(() => {
    const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`tsc failed:\n${build.stdout}${build.stderr}`);
  }, 120_000);

  it('starts the worker, which polls its task queue and stops cleanly on SIGTERM', async () => {
    const sut = await startUntil('worker.js', { TEMPORAL_TASK_QUEUE: `boot-${randomUUID()}`, LOG_LEVEL: 'info' }, /"state":"RUNNING"/);
    expect(sut.output()).toContain('Worker polling task queue');
    expect(sut.output()).not.toMatch(/TypeError|Worker failed/);
    await expect(stop(sut.child)).resolves.toBe(0);
  }, 90_000);

  it('starts the API, which answers its health check', async () => {
    const port = await freePort();
    const sut = await startUntil('main.js', { PORT: String(port), LOG_LEVEL: 'info' }, /API listening/);
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({ status: 'ok', checks: { database: 'up', temporal: 'up' } });
    await stop(sut.child);
  }, 90_000);

  it('starts the local Stripe test mode in front of stripe-mock, which answers for test cards and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const sut = await startUntil(
      join('dev-tools', 'stripe-test-mode', 'main.js'),
      { STRIPE_TEST_MODE_UPSTREAM: process.env.STRIPE_API_BASE ?? '', STRIPE_TEST_MODE_PORT: String(port) },
      /listening on http:\/\/127\.0\.0\.1:\d+/,
    );
    const ask = (id: string) =>
      fetch(`http://127.0.0.1:${port}/v1/payment_methods/${id}`, { headers: { Authorization: 'Bearer sk_test_boot' } });
    const amex = await ask('pm_card_amex');
    expect(amex.status).toBe(200);
    await expect(amex.json()).resolves.toMatchObject({ card: { brand: 'amex', last4: '8431' } });
    expect((await ask('pm_card_notATestCard')).status).toBe(404);
    await expect(stop(sut.child)).resolves.toBe(0);
  }, 90_000);
});
