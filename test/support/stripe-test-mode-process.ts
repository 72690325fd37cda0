import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { exited, ROOT, waitUntil } from './processes';

export interface StripeTestModeProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * The compiled local Stripe test mode (`node dist/src/dev-tools/stripe-test-mode/main.js`),
 * started with the settings `npm run dev` gives it (scripts/lib/stripe-test-mode.mjs): in
 * front of the run's stripe-mock, settling bank debits after `settleSeconds` and delivering
 * the events, signed, to `webhookUrl`.
 */
export async function startStripeTestModeProcess(opts: {
  webhookUrl: string;
  webhookSecret: string;
  settleSeconds: number;
}): Promise<StripeTestModeProcess> {
  const upstream = process.env.STRIPE_API_BASE;
  if (!upstream) throw new Error('STRIPE_API_BASE is not set: run the suite with `npm test`, which starts stripe-mock.');
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'dev-tools', 'stripe-test-mode', 'main.js')], {
    env: {
      ...process.env,
      STRIPE_TEST_MODE_UPSTREAM: upstream,
      STRIPE_TEST_MODE_PORT: '0',
      STRIPE_TEST_MODE_SETTLE_SECONDS: String(opts.settleSeconds),
      STRIPE_TEST_MODE_WEBHOOK_URL: opts.webhookUrl,
      STRIPE_WEBHOOK_SECRET: opts.webhookSecret,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let url: string | null = null;
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    url ??= /listening on (http:\/\/\S+)/.exec(output)?.[1] ?? null;
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntil('the Stripe test mode process to listen', () => {
    if (child.exitCode !== null) throw new Error(`The Stripe test mode exited (${child.exitCode}): ${output}`);
    return url !== null;
  });
  return {
    url: url as unknown as string,
    child,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
