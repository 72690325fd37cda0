import { loadStripeTestModeConfig } from './stripe-test-mode.config';
import { StripeTestMode } from './stripe-test-mode';

/** `node dist/src/dev-tools/stripe-test-mode/main.js`: Stripe's test mode for a local instance, in front of stripe-mock. */
async function main(): Promise<void> {
  const config = loadStripeTestModeConfig(process.env);
  const say = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  const sut = await StripeTestMode.start({
    upstream: config.STRIPE_TEST_MODE_UPSTREAM,
    host: config.STRIPE_TEST_MODE_HOST,
    port: config.STRIPE_TEST_MODE_PORT,
    settleAfterMs: config.STRIPE_TEST_MODE_SETTLE_SECONDS * 1000,
    webhook: config.STRIPE_TEST_MODE_WEBHOOK_URL
      ? { url: config.STRIPE_TEST_MODE_WEBHOOK_URL, secret: config.STRIPE_WEBHOOK_SECRET }
      : null,
    report: say,
  });
  const stop = () => {
    void sut.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  say(
    `Stripe test mode listening on ${sut.url} (stripe-mock at ${config.STRIPE_TEST_MODE_UPSTREAM}; bank debits settle after ` +
      `${config.STRIPE_TEST_MODE_SETTLE_SECONDS} s${config.STRIPE_TEST_MODE_WEBHOOK_URL ? `, events to ${config.STRIPE_TEST_MODE_WEBHOOK_URL}` : ''})`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`Stripe test mode failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
