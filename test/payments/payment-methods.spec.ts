import { Permission } from '../../src/auth/permission';
import { PaymentSyncService } from '../../src/payments/payment-sync.service';
import { PaymentsWorld } from './support/payments-world';

describe('payment methods saved on an account (against stripe-mock)', () => {
  let world: PaymentsWorld;

  beforeAll(async () => {
    world = await PaymentsWorld.start();
    await world.w.today('2026-06-10');
  });
  afterAll(() => world.close());

  const actions = async (accountId: number): Promise<string[]> =>
    (
      (await world.sut.db.query('SELECT action FROM action_history WHERE account_id = ? ORDER BY id', [accountId])) as { action: string }[]
    ).map((r) => r.action);

  it('adds a card and a bank account from test tokens, attached to the account’s one Stripe customer, keeping only what identifies them', async () => {
    const { w, stripe } = world;
    const account = await w.account();
    const from = stripe.calls.length;

    const card = await world.savedMethod(account, 'pm_card_visa', { holderName: 'Jo Banks', autopay: true });
    expect(card).toMatchObject({ accountId: account, type: 'card', brand: 'visa', last4: '4242', holderName: 'Jo Banks', autopay: true });
    expect(card.expMonth).toBeGreaterThanOrEqual(1);
    expect(card.expYear).toBeGreaterThan(2020);
    expect(card.accountType).toBeNull();
    // Stripe made a new method from the token; we keep Stripe's id, not the token.
    expect(card.stripePaymentMethodId).not.toBe('pm_card_visa');
    expect(stripe.tokenOf(card.stripePaymentMethodId)).toBe('pm_card_visa');

    const bank = await world.savedMethod(account, 'pm_usBankAccount_success');
    expect(bank).toMatchObject({ type: 'bank', last4: '6789', accountType: 'checking', expMonth: null, expYear: null, autopay: false });

    const calls = stripe.calls.slice(from);
    const customers = calls.filter((c) => c.method === 'POST' && c.path === '/v1/customers');
    expect(customers).toHaveLength(1);
    expect(customers[0].idempotencyKey).toBe(`customer-account-${account}`);
    const attaches = calls.filter((c) => c.path.endsWith('/attach'));
    expect(attaches.map((c) => c.path)).toEqual([
      '/v1/payment_methods/pm_card_visa/attach',
      '/v1/payment_methods/pm_usBankAccount_success/attach',
    ]);
    const [{ stripe_customer_id: customerId }] = await world.sut.db.query(
      'SELECT stripe_customer_id FROM stripe_customers WHERE account_id = ?',
      [account],
    );
    expect(attaches.map((c) => c.params.get('customer'))).toEqual([customerId, customerId]);
    const holder = calls.find((c) => c.method === 'POST' && c.path === `/v1/payment_methods/${card.stripePaymentMethodId}`);
    expect(holder?.params.get('billing_details[name]')).toBe('Jo Banks');
    // Every call that changes something at Stripe carries an idempotency key.
    expect(calls.filter((c) => c.method === 'POST' && !c.idempotencyKey)).toEqual([]);

    const listed = (await w.get(`/api/accounts/${account}/payment-methods`).expect(200)).body as { id: number }[];
    expect(listed.map((m) => m.id)).toEqual([card.id, bank.id]);
    expect(await actions(account)).toEqual(expect.arrayContaining(['stripe_customer.create', 'payment_method.create']));

    // Adding the same Stripe method again (a retried request) keeps one row.
    const again = await w.post(`/api/accounts/${account}/payment-methods`, { paymentMethodId: card.stripePaymentMethodId }).expect(201);
    expect(again.body.id).toBe(card.id);
  });

  it('gives a SetupIntent client secret for Stripe’s elements, for cards or bank accounts', async () => {
    const { w, stripe } = world;
    const account = await w.account();
    const card = await w.post(`/api/accounts/${account}/payment-methods/setup-intent`, {}).expect(201);
    expect(card.body).toMatchObject({ type: 'card', setupIntentId: expect.stringMatching(/^seti_/) });
    expect(card.body.clientSecret).toMatch(/_secret_/);
    const bank = await w.post(`/api/accounts/${account}/payment-methods/setup-intent`, { type: 'bank' }).expect(201);
    expect(bank.body.type).toBe('bank');
    const intents = stripe.callsTo('POST /v1/setup_intents').slice(-2);
    expect(intents.map((c) => c.params.get('allowed_payment_method_types[0]'))).toEqual(['card', 'us_bank_account']);
    expect(intents.every((c) => c.params.get('usage') === 'off_session' && c.idempotencyKey)).toBe(true);
    const bad = await w.post(`/api/accounts/${account}/payment-methods/setup-intent`, { type: 'cash' }).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'type', rule: 'isIn' })]);
  });

  it('edits only the holder, the expiry, the bank account type and autopay; anything else is a 400 naming the field, and nothing changes', async () => {
    const { w, stripe } = world;
    const account = await w.account();
    const card = await world.savedMethod(account);
    const bank = await world.savedMethod(account, 'pm_usBankAccount_success');
    const path = (id: number) => `/api/accounts/${account}/payment-methods/${id}`;
    const auditBefore = await actions(account);
    const stripeBefore = stripe.calls.length;

    const refusals: [number, object, string, string][] = [
      [card.id, { last4: '1111' }, 'last4', 'unknownField'],
      [card.id, { brand: 'amex' }, 'brand', 'unknownField'],
      [card.id, { accountType: 'savings' }, 'accountType', 'bankOnly'],
      [card.id, { expMonth: 13 }, 'expMonth', 'max'],
      [card.id, { expMonth: null }, 'expMonth', 'notNull'],
      [card.id, { expYear: 2025 }, 'expYear', 'notExpired'],
      [card.id, { autopay: 'yes' }, 'autopay', 'isBoolean'],
      [bank.id, { expMonth: 3 }, 'expMonth', 'cardOnly'],
      [bank.id, { accountType: 'money-market' }, 'accountType', 'isIn'],
    ];
    for (const [id, body, field, rule] of refusals) {
      const res = await w.sut.http().patch(path(id)).set('Authorization', `Bearer ${w.token}`).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    }
    expect(await actions(account)).toEqual(auditBefore);
    expect(stripe.calls.length).toBe(stripeBefore);
    const unchanged = (await w.get(`/api/accounts/${account}/payment-methods`).expect(200)).body;
    expect(unchanged).toEqual([
      expect.objectContaining({ ...card, updatedAt: expect.anything() }),
      expect.objectContaining({ id: bank.id }),
    ]);

    const patch = (id: number, body: object) => w.sut.http().patch(path(id)).set('Authorization', `Bearer ${w.token}`).send(body);
    const edited = await patch(card.id, { holderName: 'Kim Lee', expMonth: 4, expYear: 2031 }).expect(200);
    expect(edited.body).toMatchObject({ holderName: 'Kim Lee', expMonth: 4, expYear: 2031, last4: '4242' });
    const update = stripe.callsTo(`POST /v1/payment_methods/${card.stripePaymentMethodId}`).at(-1)!;
    expect(Object.fromEntries(update.params)).toMatchObject({
      'billing_details[name]': 'Kim Lee',
      'card[exp_month]': '4',
      'card[exp_year]': '2031',
    });
    expect(update.idempotencyKey).toBeTruthy();

    const savings = await patch(bank.id, { accountType: 'savings', holderName: 'Kim Lee' }).expect(200);
    expect(savings.body).toMatchObject({ accountType: 'savings', holderName: 'Kim Lee' });
    expect(
      stripe.callsTo(`POST /v1/payment_methods/${bank.stripePaymentMethodId}`).at(-1)!.params.get('us_bank_account[account_type]'),
    ).toBe('savings');
    expect((await actions(account)).filter((a) => a === 'payment_method.update')).toHaveLength(2);
  });

  it('keeps at most one autopay method per account', async () => {
    const { w } = world;
    const account = await w.account();
    const first = await world.savedMethod(account, 'pm_card_visa', { autopay: true });
    const second = await world.savedMethod(account, 'pm_card_mastercard', { autopay: true });
    const autopay = async () =>
      ((await w.get(`/api/accounts/${account}/payment-methods`).expect(200)).body as { id: number; autopay: boolean }[])
        .filter((m) => m.autopay)
        .map((m) => m.id);
    expect(await autopay()).toEqual([second.id]);
    await w.sut
      .http()
      .patch(`/api/accounts/${account}/payment-methods/${first.id}`)
      .set('Authorization', `Bearer ${w.token}`)
      .send({ autopay: true })
      .expect(200);
    expect(await autopay()).toEqual([first.id]);
  });

  it('deletes by detaching at Stripe; the webhook sync marks a method detached elsewhere, and only once', async () => {
    const { w, stripe, sut } = world;
    const sync = sut.app.get(PaymentSyncService);
    const account = await w.account();
    const gone = await world.savedMethod(account, 'pm_card_visa', { autopay: true });
    const kept = await world.savedMethod(account, 'pm_card_amex');

    const removed = await w.delete(`/api/accounts/${account}/payment-methods/${gone.id}`).expect(200);
    expect(removed.body.detachedAt).not.toBeNull();
    const detach = stripe.callsTo(`POST /v1/payment_methods/${gone.stripePaymentMethodId}/detach`);
    expect(detach.map((c) => c.idempotencyKey)).toEqual([`payment-method-${gone.id}-detach`]);
    await w.delete(`/api/accounts/${account}/payment-methods/${gone.id}`).expect(404);
    expect(await sync.paymentMethodDetached(gone.stripePaymentMethodId)).toBe('unchanged');

    // Still attached to this account's customer at Stripe: an (old or forged) event changes nothing.
    expect(await sync.paymentMethodDetached(kept.stripePaymentMethodId)).toBe('unchanged');
    // Detached at Stripe directly (in Stripe's dashboard, say): the sync follows, once, however often it runs.
    const res = await fetch(`${stripe.url}/v1/payment_methods/${kept.stripePaymentMethodId}/detach`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sut.config.STRIPE_SECRET_KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
    const results = await Promise.all([1, 2, 3].map(() => sync.paymentMethodDetached(kept.stripePaymentMethodId)));
    expect(results.sort()).toEqual(['detached', 'unchanged', 'unchanged']);
    expect((await w.get(`/api/accounts/${account}/payment-methods`).expect(200)).body).toEqual([]);
    expect((await actions(account)).filter((a) => a === 'payment_method.delete')).toHaveLength(2);
    expect(await sync.paymentMethodDetached('pm_not_ours_at_all')).toBe('unknown');
  });

  it('needs billing.read to list and billing.manage to change; bad ids are 400s and unknown accounts 404s', async () => {
    const { w, sut } = world;
    const account = await w.account();
    const card = await world.savedMethod(account);
    const reader = await sut.userWith([Permission.BillingRead]);
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    await sut.http().get(`/api/accounts/${account}/payment-methods`).set(as(reader.token)).expect(200);
    const forbidden = [
      sut.http().post(`/api/accounts/${account}/payment-methods`).send({ paymentMethodId: 'pm_card_visa' }),
      sut.http().post(`/api/accounts/${account}/payment-methods/setup-intent`).send({}),
      sut.http().patch(`/api/accounts/${account}/payment-methods/${card.id}`).send({ holderName: 'X' }),
      sut.http().delete(`/api/accounts/${account}/payment-methods/${card.id}`),
    ];
    for (const req of forbidden) {
      const res = await req.set(as(reader.token));
      expect(res.status).toBe(403);
      expect(res.body.message).toContain('billing.manage');
    }
    const nobody = await sut.userWith([]);
    await sut.http().get(`/api/accounts/${account}/payment-methods`).set(as(nobody.token)).expect(403);

    const badId = await w.post(`/api/accounts/${account}/payment-methods`, { paymentMethodId: '4242424242424242' }).expect(400);
    expect(badId.body.details).toEqual([expect.objectContaining({ field: 'paymentMethodId', rule: 'matches' })]);
    const extra = await w.post(`/api/accounts/${account}/payment-methods`, { paymentMethodId: 'pm_card_visa', number: '4242' }).expect(400);
    expect(extra.body.details).toEqual([expect.objectContaining({ field: 'number', rule: 'unknownField' })]);
    await w.post('/api/accounts/999999999/payment-methods', { paymentMethodId: 'pm_card_visa' }).expect(404);
    await w.get('/api/accounts/999999999/payment-methods').expect(404);
    await w.sut
      .http()
      .patch(`/api/accounts/${account}/payment-methods/999999999`)
      .set('Authorization', `Bearer ${w.token}`)
      .send({ holderName: 'X' })
      .expect(404);
  });
});
