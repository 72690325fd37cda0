// The local Stripe test mode (src/dev-tools/stripe-test-mode), started in front of stripe-mock.
import { join } from 'node:path';
import { start } from './processes.mjs';
import { ROOT, waitFor } from './setup.mjs';

export const STRIPE_TEST_MODE_ENTRY = join(ROOT, 'dist', 'src', 'dev-tools', 'stripe-test-mode', 'main.js');

/**
 * Starts the compiled test mode as a child process and resolves with its address once it
 * listens. `port` 0 takes any free port. Bank debits settle after `settleSeconds`, and each
 * settlement is delivered to `webhookUrl` signed with `webhookSecret`, as Stripe would.
 */
export async function startStripeTestMode({ upstream, port = 0, settleSeconds, webhookUrl, webhookSecret, env = process.env }) {
  const child = start('stripe-test-mode', process.execPath, [STRIPE_TEST_MODE_ENTRY], {
    env: {
      ...env,
      STRIPE_TEST_MODE_UPSTREAM: upstream,
      STRIPE_TEST_MODE_PORT: String(port),
      ...(settleSeconds === undefined ? {} : { STRIPE_TEST_MODE_SETTLE_SECONDS: String(settleSeconds) }),
      ...(webhookUrl ? { STRIPE_TEST_MODE_WEBHOOK_URL: webhookUrl } : {}),
      ...(webhookSecret ? { STRIPE_WEBHOOK_SECRET: webhookSecret } : {}),
    },
  });
  let url = null;
  let exited = false;
  let output = '';
  child.stdout.on('data', (chunk) => {
    output = (output + chunk).slice(-4000);
    url ??= /listening on (http:\/\/\S+)/.exec(output)?.[1] ?? null;
  });
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  child.once('exit', () => (exited = true));
  await waitFor('the local Stripe test mode', () => {
    if (exited) throw new Error(`the Stripe test mode exited during start-up: ${output.trim()}`);
    return url !== null;
  });
  return url;
}
