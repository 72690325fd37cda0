import { PaymentsWorld } from './support/payments-world';

describe('a card payment retried with the same Idempotency-Key (against stripe-mock)', () => {
  let world: PaymentsWorld;

  beforeAll(async () => {
    world = await PaymentsWorld.start();
  });
  afterAll(() => world.close());

  const intentCalls = (paymentId: number) => world.stripe.calls.filter((c) => c.idempotencyKey === `payment-${paymentId}`);

  it('returns the first payment: one row, one call to Stripe, one ledger payment', async () => {
    const { w } = world;
    await w.today('2026-06-20');
    const account = await w.account();
    const card = await world.savedMethod(account);
    const body = { accountId: account, paymentMethodId: card.id, amount: 4200 };
    const first = await world.pay('card', body, `retry-${account}-a`).expect(201);
    const second = await world.pay('card', body, `retry-${account}-a`).expect(201);
    expect(second.body).toEqual(first.body);
    expect(intentCalls(first.body.id)).toHaveLength(1);
    expect(await world.payments(account)).toHaveLength(1);
    expect(await world.ledgerPayments(account)).toHaveLength(1);
    expect((await w.figures(account)).availableCredits).toBe(4200);
    await w.expectBooksBalance([account]);
  });

  it('refuses the same key with a different body, without writing or charging anything', async () => {
    const { w, stripe } = world;
    await w.today('2026-06-20');
    const account = await w.account();
    const card = await world.savedMethod(account);
    const key = `retry-${account}-b`;
    await world.pay('card', { accountId: account, paymentMethodId: card.id, amount: 1000 }, key).expect(201);
    const intents = stripe.callsTo('POST /v1/payment_intents').length;
    for (const changed of [{ amount: 1001 }, { date: '2026-06-19' }]) {
      const res = await world.pay('card', { accountId: account, paymentMethodId: card.id, amount: 1000, ...changed }, key).expect(409);
      expect(res.body.code).toBe('idempotency_key_reused');
    }
    // The same key on a bank payment is a different request too.
    const bank = await world.savedMethod(account, 'pm_usBankAccount_success');
    await world.pay('bank', { accountId: account, paymentMethodId: bank.id, amount: 1000 }, key).expect(409);
    expect(stripe.callsTo('POST /v1/payment_intents')).toHaveLength(intents);
    expect(await world.payments(account)).toHaveLength(1);
    expect(await world.ledgerPayments(account)).toHaveLength(1);
    await w.expectBooksBalance([account]);
  });

  it('makes one payment when the same request arrives three times at once', async () => {
    const { w, stripe } = world;
    await w.today('2026-06-20');
    const account = await w.account();
    const card = await world.savedMethod(account);
    stripe.intentDelayMs = 300;
    try {
      const body = { accountId: account, paymentMethodId: card.id, amount: 777 };
      const all = await Promise.all([1, 2, 3].map(() => world.pay('card', body, `retry-${account}-c`)));
      expect(all.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
      expect(intentCalls(all[0].body.id)).toHaveLength(1);
    } finally {
      stripe.intentDelayMs = 0;
    }
    expect(await world.ledgerPayments(account)).toHaveLength(1);
    await w.expectBooksBalance([account]);
  });

  it('leaves the payment pending when Stripe does not answer, and the retry asks again under the same Stripe key', async () => {
    const { w, stripe } = world;
    await w.today('2026-06-20');
    const account = await w.account();
    const card = await world.savedMethod(account);
    const body = { accountId: account, paymentMethodId: card.id, amount: 1500 };
    stripe.outages.push({ route: 'POST /v1/payment_intents', status: 500 });
    const down = await world.pay('card', body, `retry-${account}-d`).expect(502);
    expect(down.body.code).toBe('processor_unavailable');
    const [pending] = await world.payments(account);
    expect(pending).toMatchObject({ status: 'pending', stripePaymentIntentId: null, transactionId: null });
    expect(await world.ledgerPayments(account)).toEqual([]);

    const retried = await world.pay('card', body, `retry-${account}-d`).expect(201);
    expect(retried.body).toMatchObject({ id: pending.id, status: 'succeeded' });
    // Both attempts carried the key of our row, so Stripe could never have charged twice.
    expect(intentCalls(pending.id).map((c) => c.status)).toEqual([500, 200]);
    expect(await world.ledgerPayments(account)).toHaveLength(1);
    await w.expectBooksBalance([account]);
  });
});
