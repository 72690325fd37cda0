import { PaymentsWorld } from './support/payments-world';

describe('a declined card (against stripe-mock)', () => {
  let world: PaymentsWorld;

  beforeAll(async () => {
    world = await PaymentsWorld.start();
  });
  afterAll(() => world.close());

  it('answers 402 with the processor’s reason, keeps the payment as failed and puts nothing on the ledger', async () => {
    const { w, stripe } = world;
    await w.today('2026-06-22');
    const account = await w.account();
    const invoice = await world.invoice(account, 6000);
    const card = await world.savedMethod(account, 'pm_card_chargeDeclined');
    const body = { accountId: account, paymentMethodId: card.id, amount: 6000 };

    const res = await world.pay('card', body, `declined-${account}-a`).expect(402);
    expect(res.body.code).toBe('payment_failed');
    expect(res.body.message).toContain('Your card was declined.');
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'paymentMethodId', rule: 'declined' })]);

    const [payment] = await world.payments(account);
    expect(payment).toMatchObject({ status: 'failed', transactionId: null, receiptUrl: null });
    expect(payment.failureReason).toBe('Your card was declined. (generic_decline)');
    expect(payment.stripePaymentIntentId).toMatch(/^pi_/);
    expect(await world.ledgerPayments(account)).toEqual([]);
    expect(await w.invoice(invoice)).toMatchObject({ paid: 0, remaining: 6000 });

    // The same request again is the same answer, without asking Stripe again.
    const again = await world.pay('card', body, `declined-${account}-a`).expect(402);
    expect(again.body.message).toBe(res.body.message);
    expect(stripe.calls.filter((c) => c.idempotencyKey === `payment-${payment.id}`)).toHaveLength(1);
    await w.expectBooksBalance([account]);
  });

  it('gives the bank’s own reason, such as insufficient funds', async () => {
    const { w } = world;
    await w.today('2026-06-22');
    const account = await w.account();
    const card = await world.savedMethod(account, 'pm_card_visa_chargeDeclinedInsufficientFunds');
    const res = await world.pay('card', { accountId: account, paymentMethodId: card.id, amount: 900 }, `declined-${account}-b`).expect(402);
    expect(res.body.message).toContain('insufficient funds');
    expect((await world.payments(account))[0].failureReason).toContain('insufficient_funds');
    expect(await world.ledgerPayments(account)).toEqual([]);
    await w.expectBooksBalance([account]);
  });
});
