import Stripe from 'stripe';
import { PaymentsWorld } from './support/payments-world';

/** Our card and bank payments against the processor's list: every disagreement is listed (against stripe-mock). */
describe('payment reconciliation', () => {
  let world: PaymentsWorld;

  beforeAll(async () => {
    world = await PaymentsWorld.start();
  });
  afterAll(() => world.close());

  it('matches what agrees and lists a success we never recorded, an intent we do not know and a payment the processor does not know', async () => {
    const { w, stripe, sut } = world;
    // Both sides are compared by when they were created on the real clock (UTC days): the window spans the days this test ran on.
    const utcDay = async () => ((await sut.db.query("SELECT DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d') AS day"))[0] as { day: string }).day;
    const firstDay = await utcDay();
    await w.today('2026-08-10');
    const account = await w.account();
    await world.invoice(account, 9000);
    const card = await world.savedMethod(account);
    const bank = await world.savedMethod(account, 'pm_usBankAccount_success');
    const matched = await world
      .pay('card', { accountId: account, paymentMethodId: card.id, amount: 1000 }, `recon-${account}-card`)
      .expect(201);
    const unrecorded = await world
      .pay('bank', { accountId: account, paymentMethodId: bank.id, amount: 2000 }, `recon-${account}-bank`)
      .expect(201);
    stripe.settle(unrecorded.body.stripePaymentIntentId, 'succeeded'); // and its webhook never came
    const ghost = await world
      .pay('card', { accountId: account, paymentMethodId: card.id, amount: 3000 }, `recon-${account}-ghost`)
      .expect(201);
    await sut.db.query('UPDATE processor_payments SET stripe_payment_intent_id = ? WHERE id = ?', [
      `pi_ghost_${ghost.body.id}`,
      ghost.body.id,
    ]);
    // A charge made at the processor outside the product.
    const base = new URL(stripe.url);
    const outside = await new Stripe('sk_test_backhaul', {
      host: base.hostname,
      port: Number(base.port),
      protocol: 'http',
    }).paymentIntents.create({
      amount: 777,
      currency: 'usd',
    });

    const report = (await w.get(`/api/payments/reconciliation?from=${firstDay}&to=${await utcDay()}`).expect(200)).body;
    const mine = report.differences.filter(
      (d: { accountId: number | null; paymentIntentId: string }) =>
        d.accountId === account || [outside.id, ghost.body.stripePaymentIntentId].includes(d.paymentIntentId),
    );
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          problem: 'succeeded_not_recorded',
          paymentId: unrecorded.body.id,
          ours: { amount: 2000, status: 'pending' },
        }),
        expect.objectContaining({ problem: 'missing_at_processor', paymentId: ghost.body.id, processor: null }),
        expect.objectContaining({
          problem: 'unknown_to_us',
          paymentIntentId: outside.id,
          ours: null,
          processor: expect.objectContaining({ amount: 777 }),
        }),
        expect.objectContaining({ problem: 'unknown_to_us', paymentIntentId: ghost.body.stripePaymentIntentId, paymentId: ghost.body.id }),
      ]),
    );
    expect(mine).toHaveLength(4);
    expect(mine.map((d: { paymentId: number | null }) => d.paymentId)).not.toContain(matched.body.id);
    expect(report.matched).toBeGreaterThanOrEqual(1);
  });

  it('names the field of a bad range, and needs billing.read', async () => {
    const { w, sut } = world;
    const bad = await w.get('/api/payments/reconciliation?from=2026-13-01&to=2026-01-01').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['from']);
    const backwards = await w.get('/api/payments/reconciliation?from=2026-02-01&to=2026-01-01').expect(400);
    expect(backwards.body.details[0]).toMatchObject({ field: 'to', rule: 'afterFrom' });
    const nobody = await sut.userWith([]);
    await sut.http().get('/api/payments/reconciliation?from=2026-01-01&to=2026-01-02').auth(nobody.token, { type: 'bearer' }).expect(403);
  });
});
