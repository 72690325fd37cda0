import { Permission } from '../../src/auth/permission';
import { PaymentsWorld } from './support/payments-world';

describe('a card payment (against stripe-mock)', () => {
  let world: PaymentsWorld;

  beforeAll(async () => {
    world = await PaymentsWorld.start();
  });
  afterAll(() => world.close());

  it('charges the saved card under a key made from our row, records the payment on the ledger, pays the invoice and has a receipt', async () => {
    const { w, stripe, sut } = world;
    await w.today('2026-06-12');
    const account = await w.account();
    const invoice = await world.invoice(account, 5000);
    const card = await world.savedMethod(account);

    const res = await world
      .pay('card', { accountId: account, paymentMethodId: card.id, amount: 3000 }, `card-${account}-first`)
      .expect(201);
    const payment = res.body;
    expect(payment).toMatchObject({
      accountId: account,
      method: 'card',
      amount: 3000,
      currency: 'USD',
      date: '2026-06-12',
      status: 'succeeded',
      failureReason: null,
      paymentMethod: { id: card.id, type: 'card', brand: 'visa', last4: '4242' },
    });
    expect(payment.stripePaymentIntentId).toMatch(/^pi_/);
    expect(payment.receiptUrl).toBe(`/api/transactions/${payment.transactionId}/receipt.pdf`);

    // What went to Stripe: one confirmed, off-session intent for the saved method, keyed by our row.
    const charges = stripe.calls.filter((c) => c.idempotencyKey === `payment-${payment.id}`);
    expect(charges.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /v1/payment_intents']);
    const [charge] = charges;
    const [{ stripe_customer_id: customerId }] = await sut.db.query(
      'SELECT stripe_customer_id FROM stripe_customers WHERE account_id = ?',
      [account],
    );
    expect(Object.fromEntries(charge.params)).toMatchObject({
      amount: '3000',
      currency: 'usd',
      customer: customerId,
      payment_method: card.stripePaymentMethodId,
      confirm: 'true',
      off_session: 'true',
      'allowed_payment_method_types[0]': 'card',
      'metadata[backhaul_payment_id]': String(payment.id),
      'metadata[backhaul_account_id]': String(account),
    });

    // On the ledger: one card payment, referenced by the intent, applied to the invoice.
    const [ledger] = await world.ledgerPayments(account);
    expect(ledger).toMatchObject({
      id: payment.transactionId,
      amount: 3000,
      side: 'credit',
      description: 'Card payment (Visa ending 4242)',
    });
    const transaction = (await w.get(`/api/transactions/${payment.transactionId}`).expect(200)).body;
    expect(transaction).toMatchObject({ paymentMethod: 'card', reference: payment.stripePaymentIntentId });
    expect(await w.invoice(invoice)).toMatchObject({ paid: 3000, remaining: 2000 });
    expect(await w.figures(account)).toMatchObject({ balanceDue: 2000, availableCredits: 0 });

    const receipt = await w.get(payment.receiptUrl).expect(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');

    const actions = (await sut.db.query('SELECT action FROM action_history WHERE account_id = ? ORDER BY id', [account])) as {
      action: string;
    }[];
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['processor_payment.create', 'processor_payment.recorded', 'payment.create']),
    );
    expect(await world.payments(account)).toEqual([expect.objectContaining({ id: payment.id, status: 'succeeded' })]);
    await w.expectBooksBalance([account]);
  });

  it('refuses bad requests with a 400 naming the field, writes nothing and asks Stripe nothing', async () => {
    const { w, stripe, sut } = world;
    await w.today('2026-06-12');
    const account = await w.account();
    const other = await w.account();
    const card = await world.savedMethod(account);
    const bank = await world.savedMethod(account, 'pm_usBankAccount_success');
    const strangers = await world.savedMethod(other);
    const written = async () =>
      (await sut.db.query('SELECT COUNT(*) AS n FROM processor_payments WHERE account_id = ?', [account]))[0].n as number | string;
    const before = { rows: Number(await written()), intents: stripe.callsTo('POST /v1/payment_intents').length };

    const base = { accountId: account, paymentMethodId: card.id, amount: 1000 };
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['card', { ...base, amount: 0 }, 'amount', 'min'],
      ['card', { ...base, amount: 10.5 }, 'amount', 'isInt'],
      ['card', { ...base, amount: '10.00' }, 'amount', 'isInt'],
      ['card', { ...base, paymentMethodId: strangers.id }, 'paymentMethodId', 'exists'],
      ['card', { ...base, paymentMethodId: bank.id }, 'paymentMethodId', 'card'],
      ['bank', { ...base }, 'paymentMethodId', 'bank'],
      ['card', { ...base, date: '12/06/2026' }, 'date', 'date'],
      ['card', { ...base, cardNumber: '4242424242424242' }, 'cardNumber', 'unknownField'],
    ];
    for (const [method, body, field, rule] of cases) {
      const res = await world.pay(method as 'card' | 'bank', body, `bad-${account}-${field}-${rule}`);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    }
    const noKey = await w.post('/api/payments/card', base).expect(400);
    expect(noKey.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key', rule: 'required' })]);
    const shortKey = await world.pay('card', base, 'short').expect(400);
    expect(shortKey.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key', rule: 'format' })]);

    expect(Number(await written())).toBe(before.rows);
    expect(stripe.callsTo('POST /v1/payment_intents')).toHaveLength(before.intents);
    expect(await world.ledgerPayments(account)).toEqual([]);
    await w.expectBooksBalance([account, other]);
  });

  it('needs billing.manage to take a payment and billing.read to list them', async () => {
    const { w, sut } = world;
    const account = await w.account();
    const card = await world.savedMethod(account);
    const reader = await sut.userWith([Permission.BillingRead]);
    const res = await sut
      .http()
      .post('/api/payments/card')
      .set('Authorization', `Bearer ${reader.token}`)
      .set('Idempotency-Key', `reader-${account}-try`)
      .send({ accountId: account, paymentMethodId: card.id, amount: 1000 })
      .expect(403);
    expect(res.body.message).toContain('billing.manage');
    await sut.http().get(`/api/accounts/${account}/processor-payments`).set('Authorization', `Bearer ${reader.token}`).expect(200);
    expect(await world.payments(account)).toEqual([]);
    await w.expectBooksBalance([account]);
  });
});
