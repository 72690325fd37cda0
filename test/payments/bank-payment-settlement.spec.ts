import { PaymentSyncService } from '../../src/payments/payment-sync.service';
import { PaymentsWorld } from './support/payments-world';

describe('a bank payment stays pending until the processor settles it (against stripe-mock)', () => {
  let world: PaymentsWorld;
  let sync: PaymentSyncService;

  beforeAll(async () => {
    world = await PaymentsWorld.start();
    sync = world.sut.app.get(PaymentSyncService);
  });
  afterAll(() => world.close());

  it('is pending with nothing on the ledger, then recorded exactly once however many times the sync runs', async () => {
    const { w, stripe } = world;
    await w.today('2026-06-15');
    const account = await w.account();
    const invoice = await world.invoice(account, 8000);
    const bank = await world.savedMethod(account, 'pm_usBankAccount_success');

    const res = await world.pay('bank', { accountId: account, paymentMethodId: bank.id, amount: 8000 }, `bank-${account}-one`).expect(201);
    expect(res.body).toMatchObject({ method: 'bank', status: 'pending', transactionId: null, receiptUrl: null });
    const intentId = res.body.stripePaymentIntentId as string;
    expect(intentId).toMatch(/^pi_/);
    const [charge] = stripe.calls.filter((c) => c.idempotencyKey === `payment-${res.body.id}`);
    expect(charge.params.get('allowed_payment_method_types[0]')).toBe('us_bank_account');
    expect(await world.ledgerPayments(account)).toEqual([]);
    expect(await w.invoice(invoice)).toMatchObject({ paid: 0 });

    // Still processing at the bank: an early event changes nothing.
    expect(await sync.syncPaymentIntent(intentId)).toBe('unchanged');

    stripe.settle(intentId, 'succeeded');
    const results = await Promise.all([1, 2, 3, 4].map(() => sync.syncPaymentIntent(intentId)));
    expect(results.sort()).toEqual(['recorded', 'unchanged', 'unchanged', 'unchanged']);
    expect(await sync.syncPaymentIntent(intentId)).toBe('unchanged');

    const [payment] = await world.payments(account);
    expect(payment).toMatchObject({ status: 'succeeded', stripePaymentIntentId: intentId });
    const ledger = await world.ledgerPayments(account);
    expect(ledger).toEqual([
      expect.objectContaining({ id: payment.transactionId, amount: 8000, description: 'Bank payment (Checking ending 6789)' }),
    ]);
    expect((await w.get(`/api/transactions/${payment.transactionId}`).expect(200)).body).toMatchObject({
      paymentMethod: 'bank',
      reference: intentId,
    });
    expect(await w.invoice(invoice)).toMatchObject({ paid: 8000, remaining: 0 });
    await w.expectBooksBalance([account]);
  });

  it('marks a returned bank debit failed with the bank’s reason, and nothing reaches the ledger', async () => {
    const { w, stripe } = world;
    await w.today('2026-06-15');
    const account = await w.account();
    const bank = await world.savedMethod(account, 'pm_usBankAccount_accountClosed');
    const res = await world
      .pay('bank', { accountId: account, paymentMethodId: bank.id, amount: 2500 }, `bank-${account}-closed`)
      .expect(201);
    const intentId = res.body.stripePaymentIntentId as string;

    stripe.settle(intentId, { failed: 'The customer’s bank account has been closed.' });
    expect(await sync.syncPaymentIntent(intentId)).toBe('failed');
    expect(await sync.syncPaymentIntent(intentId)).toBe('unchanged');
    const [payment] = await world.payments(account);
    expect(payment.status).toBe('failed');
    expect(payment.failureReason).toContain('bank account has been closed');
    expect(payment.transactionId).toBeNull();
    expect(await world.ledgerPayments(account)).toEqual([]);
    await w.expectBooksBalance([account]);
  });

  it('finds a payment whose request stopped before writing the intent down, through the intent’s metadata', async () => {
    const { w, stripe, sut } = world;
    await w.today('2026-06-15');
    const account = await w.account();
    const bank = await world.savedMethod(account, 'pm_usBankAccount_success');
    const res = await world.pay('bank', { accountId: account, paymentMethodId: bank.id, amount: 1200 }, `bank-${account}-lost`).expect(201);
    const intentId = res.body.stripePaymentIntentId as string;
    // The state a crash between Stripe's answer and our second write leaves behind.
    await sut.db.query('UPDATE processor_payments SET stripe_payment_intent_id = NULL WHERE id = ?', [res.body.id]);

    stripe.settle(intentId, 'succeeded');
    expect(await sync.syncPaymentIntent(intentId)).toBe('recorded');
    const [payment] = await world.payments(account);
    expect(payment).toMatchObject({ status: 'succeeded', stripePaymentIntentId: intentId });
    expect(await world.ledgerPayments(account)).toHaveLength(1);
    await w.expectBooksBalance([account]);
  });

  it('answers unknown for an intent that is not ours', async () => {
    expect(await sync.syncPaymentIntent('pi_someone_elses')).toBe('unknown');
  });
});
