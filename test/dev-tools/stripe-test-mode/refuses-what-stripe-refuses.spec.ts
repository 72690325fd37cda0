import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { StripeTestMode } from '../../../src/dev-tools/stripe-test-mode/stripe-test-mode';
import { TEST_BANK_ACCOUNTS, TEST_CARDS } from '../../../src/dev-tools/stripe-test-mode/test-payment-methods';

const WEBHOOK_SECRET = 'whsec_test_mode_oracle';

function clientOf(sut: StripeTestMode): Stripe {
  const url = new URL(sut.url);
  return new Stripe('sk_test_oracle', {
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
}

/** Stripe's error for a call, or a failure when the call went through. */
async function refusal(call: Promise<unknown>): Promise<InstanceType<typeof Stripe.errors.StripeError>> {
  try {
    await call;
  } catch (err) {
    if (err instanceof Stripe.errors.StripeError) return err;
    throw err;
  }
  throw new Error('Stripe test mode accepted a call Stripe refuses');
}

/**
 * Many payment specs trust the local Stripe test mode to answer as Stripe's test mode does.
 * This one holds it to that: what Stripe refuses, it refuses, with Stripe's codes and words.
 */
describe('the local Stripe test mode, as an oracle', () => {
  let sut: StripeTestMode;
  let stripe: Stripe;
  let receiver: Server;
  const received: Stripe.Event[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          // The check the API makes: a forged or wrongly signed event throws here.
          received.push(Stripe.webhooks.constructEvent(Buffer.concat(chunks), String(req.headers['stripe-signature']), WEBHOOK_SECRET));
          res.writeHead(200).end('{}');
        } catch {
          res.writeHead(400).end('{}');
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/stripe`;
    sut = await StripeTestMode.start({
      upstream: process.env.STRIPE_API_BASE,
      settleAfterMs: 200,
      webhook: { url: webhookUrl, secret: WEBHOOK_SECRET },
    });
    stripe = clientOf(sut);
  });
  afterAll(async () => {
    await sut.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const customer = async () => (await stripe.customers.create({ name: 'Oracle' })).id;
  const attached = async (token: string) => stripe.paymentMethods.attach(token, { customer: await customer() });
  const charge = (pm: Stripe.PaymentMethod, type: 'card' | 'us_bank_account' = 'card') =>
    stripe.paymentIntents.create({
      amount: 1234,
      currency: 'usd',
      customer: pm.customer as string,
      payment_method: pm.id,
      allowed_payment_method_types: [type],
      confirm: true,
      off_session: true,
    });

  it('refuses a test token Stripe does not document, as a missing payment method', async () => {
    const attach = await refusal(stripe.paymentMethods.attach('pm_card_visaa', { customer: await customer() }));
    expect(attach).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(attach).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such PaymentMethod: 'pm_card_visaa'" });
    const retrieve = await refusal(stripe.paymentMethods.retrieve('pm_usBankAccount_nope'));
    expect(retrieve).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const pay = await refusal(
      stripe.paymentIntents.create({ amount: 500, currency: 'usd', payment_method: 'pm_card_unknownBrand', confirm: true }),
    );
    expect(pay).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'payment_method' });
  });

  it('still refuses what stripe-mock refuses: parameters Stripe’s API does not take', async () => {
    const pm = await attached('pm_card_visa');
    const wrong = await refusal(
      stripe.paymentIntents.create({ amount: 'lots' as unknown as number, currency: 'usd', payment_method: pm.id, confirm: true }),
    );
    expect(wrong).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(wrong.statusCode).toBe(400);
    const unknown = await refusal(stripe.customers.create({ name: 'X', shoe_size: 44 } as Stripe.CustomerCreateParams));
    expect(unknown.statusCode).toBe(400);
    expect(sut.callsTo('POST /v1/payment_intents').at(-1)?.status).toBe(400);
  });

  it('declines each declining test card with a 402, its decline code and Stripe’s sentence', async () => {
    const declining = TEST_CARDS.filter((card) => card.decline);
    expect(declining.map((card) => card.decline?.declineCode)).toEqual(
      expect.arrayContaining([
        'generic_decline',
        'insufficient_funds',
        'expired_card',
        'incorrect_cvc',
        'fraudulent',
        'lost_card',
        'stolen_card',
      ]),
    );
    for (const card of declining) {
      const pm = await attached(card.token);
      const err = await refusal(charge(pm));
      expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect({ token: card.token, status: err.statusCode, code: err.code, decline: err.decline_code, message: err.message }).toEqual({
        token: card.token,
        status: 402,
        code: card.decline?.code,
        decline: card.decline?.declineCode,
        message: card.decline?.message,
      });
      expect(err.payment_intent).toMatchObject({
        status: 'requires_payment_method',
        last_payment_error: { decline_code: card.decline?.declineCode },
      });
    }
    const insufficient = await refusal(charge(await attached('pm_card_visa_chargeDeclinedInsufficientFunds')));
    expect(insufficient).toMatchObject({ decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' });
  });

  it('charges each succeeding test card, which reads back with its own brand and last four', async () => {
    for (const card of TEST_CARDS.filter((c) => !c.decline)) {
      const pm = await attached(card.token);
      expect(pm.id).not.toBe(card.token);
      expect({ brand: pm.card?.brand, last4: pm.card?.last4, funding: pm.card?.funding }).toEqual({
        brand: card.brand,
        last4: card.last4,
        funding: card.funding,
      });
      const intent = await charge(pm);
      expect({ token: card.token, status: intent.status, received: intent.amount_received }).toEqual({
        token: card.token,
        status: 'succeeded',
        received: 1234,
      });
      expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
    }
  });

  it('keeps bank debits processing, then settles them or fails them with the bank’s reason, and signs the event', async () => {
    const outcomes = new Map<string, string>();
    for (const account of TEST_BANK_ACCOUNTS) {
      const pm = await attached(account.token);
      expect(pm).toMatchObject({ type: 'us_bank_account', us_bank_account: { last4: account.last4 } });
      const intent = await charge(pm, 'us_bank_account');
      expect(intent.status).toBe('processing');
      outcomes.set(intent.id, account.token);
    }
    const deadline = Date.now() + 20_000;
    while (received.length < outcomes.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await sut.delivered();

    const events = received.filter((event) => outcomes.has((event.data.object as Stripe.PaymentIntent).id));
    const byToken = Object.fromEntries(
      events.map((event) => {
        const intent = event.data.object as Stripe.PaymentIntent;
        return [outcomes.get(intent.id), [event.type, intent.status, intent.last_payment_error?.message ?? null]];
      }),
    );
    expect(byToken).toEqual({
      pm_usBankAccount_success: ['payment_intent.succeeded', 'succeeded', null],
      pm_usBankAccount_accountClosed: [
        'payment_intent.payment_failed',
        'requires_payment_method',
        'The customer’s bank account has been closed.',
      ],
      pm_usBankAccount_insufficientFunds: [
        'payment_intent.payment_failed',
        'requires_payment_method',
        'The customer’s account has insufficient funds to cover this payment.',
      ],
      pm_usBankAccount_debitNotAuthorized: [
        'payment_intent.payment_failed',
        'requires_payment_method',
        'The customer notified their bank that this payment was unauthorized.',
      ],
    });
    // What a later retrieve says agrees with the event.
    for (const [id, token] of outcomes) {
      expect([token, (await stripe.paymentIntents.retrieve(id)).status]).toEqual([
        token,
        token === 'pm_usBankAccount_success' ? 'succeeded' : 'requires_payment_method',
      ]);
    }
  });

  it('confirms a SetupIntent as Stripe’s elements would, leaving the method on the intent’s customer', async () => {
    const owner = await customer();
    const setup = await stripe.setupIntents.create({ customer: owner, allowed_payment_method_types: ['card'], usage: 'off_session' });
    expect(setup.client_secret).toMatch(/_secret_/);
    const confirmed = await stripe.setupIntents.confirm(setup.id, { payment_method: 'pm_card_mastercard' });
    expect(confirmed.status).toBe('succeeded');
    const pm = await stripe.paymentMethods.retrieve(confirmed.payment_method as string);
    expect({ customer: pm.customer, brand: pm.card?.brand, last4: pm.card?.last4 }).toEqual({
      customer: owner,
      brand: 'mastercard',
      last4: '4444',
    });
  });
});
