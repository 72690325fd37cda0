import { Permission } from '../../src/auth/permission';
import { PaymentsConfigService } from '../../src/payments/payments-config.service';
import { testConfig } from '../support/test-app';
import { PaymentsWorld } from './support/payments-world';

/**
 * What the panel does with Stripe's elements, against stripe-mock behind the local test mode:
 * a SetupIntent for the account's Stripe customer, confirmed in the browser (here by the call
 * Stripe.js makes), and the method Stripe made saved on the account.
 */
describe('saving a card through a SetupIntent', () => {
  let world: PaymentsWorld;

  beforeAll(async () => {
    world = await PaymentsWorld.start();
  });
  afterAll(() => world.close());

  /**
   * What Stripe.js sends when the Payment Element confirms, with the card the customer typed.
   * Stripe.js signs it with the publishable key; stripe-mock takes secret test keys only.
   */
  async function confirmInBrowser(setupIntentId: string, clientSecret: string, card: string): Promise<Record<string, unknown>> {
    const res = await fetch(`${world.stripe.url}/v1/setup_intents/${setupIntentId}/confirm`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${world.sut.config.STRIPE_SECRET_KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ payment_method: card, client_secret: clientSecret }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }

  it('makes the SetupIntent for the account’s customer and saves the confirmed method without attaching it again', async () => {
    const { w, stripe } = world;
    const account = await w.account();
    const setup = await w.post(`/api/accounts/${account}/payment-methods/setup-intent`, { type: 'card' }).expect(201);
    expect(setup.body).toMatchObject({
      type: 'card',
      setupIntentId: expect.stringMatching(/^seti_/),
      clientSecret: expect.stringMatching(/_secret_/),
    });
    const [created] = stripe.callsTo('POST /v1/setup_intents').slice(-1);
    const customer = created.params.get('customer');
    expect(customer).toMatch(/^cus_/);

    const confirmed = await confirmInBrowser(setup.body.setupIntentId, setup.body.clientSecret, 'pm_card_mastercard');
    expect(confirmed).toMatchObject({ status: 'succeeded', customer });
    const attachesBefore = stripe.callsTo('POST /v1/payment_methods').filter((c) => c.path.endsWith('/attach')).length;

    const saved = await w
      .post(`/api/accounts/${account}/payment-methods`, { paymentMethodId: confirmed.payment_method, autopay: true })
      .expect(201);
    expect(saved.body).toMatchObject({
      type: 'card',
      brand: 'mastercard',
      last4: '4444',
      autopay: true,
      stripePaymentMethodId: confirmed.payment_method,
    });
    expect(stripe.callsTo('POST /v1/payment_methods').filter((c) => c.path.endsWith('/attach'))).toHaveLength(attachesBefore);

    // A second SetupIntent for the same account uses the same customer.
    await w.post(`/api/accounts/${account}/payment-methods/setup-intent`, {}).expect(201);
    expect(stripe.callsTo('POST /v1/setup_intents').at(-1)?.params.get('customer')).toBe(customer);
    expect(
      stripe.callsTo('POST /v1/customers').filter((c) => c.params.get('metadata[backhaul_account_id]') === String(account)),
    ).toHaveLength(1);
  });

  it('refuses a method confirmed for another account’s customer, and a setup by someone who may only read', async () => {
    const { w, sut } = world;
    const mine = await w.account();
    const theirs = await w.account();
    const setup = await w.post(`/api/accounts/${theirs}/payment-methods/setup-intent`, {}).expect(201);
    const confirmed = await confirmInBrowser(setup.body.setupIntentId, setup.body.clientSecret, 'pm_card_visa');
    await w.post(`/api/accounts/${mine}/payment-methods/setup-intent`, {}).expect(201);

    const refused = await w.post(`/api/accounts/${mine}/payment-methods`, { paymentMethodId: confirmed.payment_method }).expect(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'paymentMethodId', rule: 'available' })]);
    expect((await w.get(`/api/accounts/${mine}/payment-methods`).expect(200)).body).toEqual([]);

    const reader = await sut.userWith([Permission.BillingRead]);
    await sut
      .http()
      .post(`/api/accounts/${mine}/payment-methods/setup-intent`)
      .set('Authorization', `Bearer ${reader.token}`)
      .send({})
      .expect(403);
  });

  it('tells the panel how to collect methods: the publishable key when set, else Stripe’s test methods for a test key only', async () => {
    const { w, sut } = world;
    const offline = (await w.get('/api/payments/config').expect(200)).body as {
      stripePublishableKey: string | null;
      testPaymentMethods: { token: string; type: string }[];
    };
    expect(offline.stripePublishableKey).toBeNull();
    expect(offline.testPaymentMethods.map((m) => m.token)).toEqual(
      expect.arrayContaining([
        'pm_card_visa',
        'pm_card_chargeDeclinedInsufficientFunds',
        'pm_usBankAccount_success',
        'pm_usBankAccount_accountClosed',
      ]),
    );
    const nobody = await sut.userWith([]);
    await sut.http().get('/api/payments/config').set('Authorization', `Bearer ${nobody.token}`).expect(403);
    await sut.http().get('/api/payments/config').expect(401);

    const withKey = new PaymentsConfigService(testConfig({ STRIPE_PUBLISHABLE_KEY: 'pk_test_panel' })).get();
    expect(withKey).toEqual({ stripePublishableKey: 'pk_test_panel', testPaymentMethods: [] });
    const live = new PaymentsConfigService(testConfig({ STRIPE_SECRET_KEY: 'sk_live_real' })).get();
    expect(live).toEqual({ stripePublishableKey: null, testPaymentMethods: [] });
    expect(() => testConfig({ STRIPE_PUBLISHABLE_KEY: 'sk_test_wrong_kind' })).toThrow(/STRIPE_PUBLISHABLE_KEY/);
  });
});
