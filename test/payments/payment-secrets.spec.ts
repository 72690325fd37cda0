import { PaymentsWorld } from './support/payments-world';

describe('secrets stay out of logs, responses and the action history', () => {
  let world: PaymentsWorld;

  beforeAll(async () => {
    world = await PaymentsWorld.start();
  });
  afterAll(() => world.close());

  it('shows the SetupIntent client secret only in its own response, and never the Stripe key or webhook secret', async () => {
    const { w, sut, stripe } = world;
    await w.today('2026-06-25');
    const account = await w.account();
    const setup = await w.post(`/api/accounts/${account}/payment-methods/setup-intent`, {}).expect(201);
    const clientSecret = setup.body.clientSecret as string;
    expect(clientSecret).toMatch(/_secret_/);

    // Everything else a clerk does with payments: add, edit, pay, a decline and an outage (logged as an error).
    const card = await world.savedMethod(account, 'pm_card_visa', { holderName: 'Sam Secret-Keeper' });
    const declined = await world.savedMethod(account, 'pm_card_chargeDeclined');
    const responses = [
      await w.get(`/api/accounts/${account}/payment-methods`).expect(200),
      await world.pay('card', { accountId: account, paymentMethodId: card.id, amount: 1000 }, `secrets-${account}-ok`).expect(201),
      await world.pay('card', { accountId: account, paymentMethodId: declined.id, amount: 1000 }, `secrets-${account}-no`).expect(402),
    ];
    stripe.outages.push({ route: 'POST /v1/payment_intents', status: 500 });
    responses.push(
      await world.pay('card', { accountId: account, paymentMethodId: card.id, amount: 50 }, `secrets-${account}-down`).expect(502),
    );
    responses.push(await w.get(`/api/accounts/${account}/processor-payments`).expect(200));

    const forbidden = [clientSecret, '_secret_', 'client_secret', sut.config.STRIPE_SECRET_KEY, sut.config.STRIPE_WEBHOOK_SECRET];
    for (const res of responses) {
      for (const secret of forbidden) expect(JSON.stringify(res.body)).not.toContain(secret);
    }
    // The log did see the calls (so the check below is not vacuous), and none of the secrets.
    expect(sut.logs.lines.some((line) => line.includes('Stripe did not do what was asked'))).toBe(true);
    expect(sut.logs.lines.some((line) => line.includes('/payment-methods/setup-intent'))).toBe(true);
    for (const secret of forbidden) expect(sut.logs.lines.filter((line) => line.includes(secret))).toEqual([]);

    const audit: { before_state: unknown; after_state: unknown }[] = await sut.db.query(
      'SELECT before_state, after_state FROM action_history WHERE account_id = ?',
      [account],
    );
    expect(audit.length).toBeGreaterThan(3);
    for (const secret of forbidden) expect(audit.filter((row) => JSON.stringify(row).includes(secret))).toEqual([]);
    await w.expectBooksBalance([account]);
  });
});
