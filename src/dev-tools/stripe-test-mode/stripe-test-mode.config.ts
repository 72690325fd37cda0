import { z } from 'zod';

/** The settings of the local Stripe test mode process, read once at its start (`npm run dev` sets them). */
const schema = z.object({
  /** stripe-mock, which checks every call against Stripe's API description. */
  STRIPE_TEST_MODE_UPSTREAM: z.string().url(),
  STRIPE_TEST_MODE_HOST: z.string().min(1).default('127.0.0.1'),
  /** 0: any free port; the process prints the one it took. */
  STRIPE_TEST_MODE_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** How long a bank debit stays `processing` before it settles. Fractions allowed. */
  STRIPE_TEST_MODE_SETTLE_SECONDS: z.coerce.number().min(0).max(86_400).default(10),
  /** The API's Stripe webhook route; without it settlements send no event. */
  STRIPE_TEST_MODE_WEBHOOK_URL: z.string().url().optional(),
  /** The same secret the API verifies signatures with. */
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, 'must look like whsec_…')
    .default('whsec_backhaul'),
});

export type StripeTestModeConfig = z.infer<typeof schema>;

export function loadStripeTestModeConfig(env: NodeJS.ProcessEnv): StripeTestModeConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Stripe test mode settings: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
