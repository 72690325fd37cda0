import Stripe from 'stripe';
import { createTestApp, TestApp } from '../support/test-app';

const stripe = new Stripe('sk_test_webhooks');

/** A correctly signed body that is not an event we can store, or a signature dated ahead, is refused once and for all. */
describe('Stripe webhooks: malformed but signed', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createTestApp();
  });
  afterAll(() => sut.close());

  const now = () => Math.floor(Date.now() / 1000);
  const send = (payload: string, timestamp = now()) =>
    sut
      .http()
      .post('/api/webhooks/stripe')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', stripe.webhooks.generateTestHeaderString({ payload, secret: sut.config.STRIPE_WEBHOOK_SECRET, timestamp }))
      .send(payload);
  const stored = async () => Number((await sut.db.query("SELECT COUNT(*) AS n FROM webhook_events WHERE id LIKE 'evt_malformed_%'"))[0].n);
  const event = (overrides: Record<string, unknown>) => ({
    id: `evt_malformed_${Date.now()}`,
    object: 'event',
    type: 'payment_intent.succeeded',
    created: now(),
    livemode: false,
    data: { object: { id: 'pi_malformed', object: 'payment_intent' } },
    ...overrides,
  });

  it.each([
    ['an empty object', '{}', 'id'],
    ['an array', '[]', 'body'],
    ['an over-long type', JSON.stringify(event({ type: `payment_intent.${'x'.repeat(200)}` })), 'type'],
    ['no created time', JSON.stringify(event({ created: undefined })), 'created'],
    ['a created time in 9999', JSON.stringify(event({ created: 253_402_300_799 })), 'created'],
    ['no data object', JSON.stringify(event({ data: [] })), 'data.object'],
    ['an over-long object id', JSON.stringify(event({ data: { object: { id: `pi_${'x'.repeat(300)}` } } })), 'data.object.id'],
  ])('answers 400 to %s and stores nothing', async (_what, payload, field) => {
    const res = await send(payload).expect(400);
    expect(res.body).toMatchObject({ code: 'malformed_event', details: expect.arrayContaining([expect.objectContaining({ field })]) });
    expect(await stored()).toBe(0);
  });

  it('refuses a signature dated beyond the tolerance in the future, and accepts a small clock skew', async () => {
    const ahead = await send(JSON.stringify(event({})), now() + 301).expect(400);
    expect(ahead.body).toMatchObject({ code: 'invalid_signature', details: [{ field: 'Stripe-Signature', rule: 'signature' }] });
    expect(ahead.body.message).toMatch(/future/);
    expect(await stored()).toBe(0);
    await send(JSON.stringify(event({ id: `evt_malformed_skew_${Date.now()}` })), now() + 60).expect(200);
    expect(await stored()).toBe(1);
  });
});
