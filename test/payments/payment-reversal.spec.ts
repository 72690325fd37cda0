import { PaymentReversalsService } from '../../src/payments/payment-reversals.service';
import { PaymentsWorld } from './support/payments-world';

/** Reversing card and bank payments, with and without a refund through Stripe (against stripe-mock). */
describe('reversing a processor payment', () => {
  let world: PaymentsWorld;

  beforeAll(async () => {
    world = await PaymentsWorld.start();
  });
  afterAll(() => world.close());

  async function paidCard(amount: number, invoiceAmount = amount) {
    const { w } = world;
    const account = await w.account();
    const invoice = await world.invoice(account, invoiceAmount);
    const card = await world.savedMethod(account);
    const res = await world.pay('card', { accountId: account, paymentMethodId: card.id, amount }, `reverse-test-${account}`).expect(201);
    return { account, invoice, payment: res.body as { id: number; transactionId: number; stripePaymentIntentId: string } };
  }

  it('takes the payment off the invoice it paid and refunds the same amount once, under a key from the refund row', async () => {
    const { w, stripe } = world;
    await w.today('2026-07-03');
    const { account, invoice, payment } = await paidCard(4500);
    expect(await w.invoice(invoice)).toMatchObject({ paid: 4500 });

    const res = await w.post(`/api/processor-payments/${payment.id}/reverse`, { refund: true, reason: 'charged twice' }).expect(200);
    expect(res.body).toMatchObject({ paymentId: payment.id, refund: { amount: 4500, paymentId: payment.id, reason: 'charged twice' } });
    expect(['succeeded', 'pending']).toContain(res.body.refund.status);
    expect(res.body.refund.stripeRefundId).toMatch(/^re_/);

    const refunds = stripe.callsTo('POST /v1/refunds');
    const ours = refunds.filter((c) => c.idempotencyKey === `refund-${res.body.refund.id}`);
    expect(ours).toHaveLength(1);
    expect(Object.fromEntries(ours[0].params)).toMatchObject({
      payment_intent: payment.stripePaymentIntentId,
      amount: '4500',
      'metadata[backhaul_refund_id]': String(res.body.refund.id),
    });

    // The ledger: the payment's credit is voided, so the invoice is owed again.
    expect(await w.invoice(invoice)).toMatchObject({ paid: 0, remaining: 4500 });
    const txn = (await w.get(`/api/transactions/${res.body.reversalTransactionId}`).expect(200)).body;
    expect(txn).toMatchObject({ kind: 'void', amount: 4500 });

    // Asking again changes nothing and refunds nothing.
    const again = await w.post(`/api/processor-payments/${payment.id}/reverse`, { refund: true }).expect(409);
    expect(again.body.code).toBe('payment_reversed');
    expect(stripe.callsTo('POST /v1/refunds').filter((c) => c.idempotencyKey === `refund-${res.body.refund.id}`)).toHaveLength(1);

    const listed = (await w.get(`/api/accounts/${account}/processor-refunds`).expect(200)).body;
    expect(listed).toEqual([expect.objectContaining({ id: res.body.refund.id, amount: 4500 })]);
    // The refund webhook reads the refund back from Stripe; a second read finds nothing new.
    const sync = world.sut.app.get(PaymentReversalsService);
    await sync.syncRefund(res.body.refund.stripeRefundId);
    expect(await sync.syncRefund(res.body.refund.stripeRefundId)).toBe('unchanged');
    await w.expectBooksBalance([account]);
  });

  it('reverses without a refund when not asked, and never calls Stripe for it', async () => {
    const { w, stripe } = world;
    await w.today('2026-07-03');
    const { account, invoice, payment } = await paidCard(2000, 3000);
    const before = stripe.callsTo('POST /v1/refunds').length;
    const res = await w.post(`/api/processor-payments/${payment.id}/reverse`, { refund: false }).expect(200);
    expect(res.body.refund).toBeNull();
    expect(stripe.callsTo('POST /v1/refunds')).toHaveLength(before);
    expect(await w.invoice(invoice)).toMatchObject({ paid: 0 });
    const [row] = await world.payments(account);
    expect(row.status).toBe('reversed');
    await w.expectBooksBalance([account]);
  });

  it("lists the payment's processor record, reversal and refund for the payment's inner tabs", async () => {
    const { w } = world;
    await w.today('2026-07-04');
    const { account, payment } = await paidCard(1250);
    const before = (await w.get(`/api/transactions/${payment.transactionId}/payment-history`).expect(200)).body;
    expect(before).toMatchObject({
      transactionId: payment.transactionId,
      processorPayment: { id: payment.id, status: 'succeeded', amount: 1250, method: 'card' },
      reversals: [],
      refunds: [],
      disputes: [],
    });

    const reversed = await w.post(`/api/processor-payments/${payment.id}/reverse`, { refund: true, reason: 'wrong account' }).expect(200);
    const after = (await w.get(`/api/transactions/${payment.transactionId}/payment-history`).expect(200)).body;
    expect(after.processorPayment.status).toMatch(/^(reversed|refunded)$/);
    expect(after.reversals).toEqual([
      expect.objectContaining({
        id: reversed.body.reversalTransactionId,
        kind: 'void',
        amount: 1250,
        correctsTransactionId: payment.transactionId,
      }),
    ]);
    expect(after.refunds).toEqual([expect.objectContaining({ id: reversed.body.refund.id, amount: 1250, reason: 'wrong account' })]);

    // A cash payment has no processor record; a debit has no payment history at all.
    const cash = await w.post('/api/payments', { accountId: account, amount: 300, method: 'cash' }).expect(201);
    const cashHistory = (await w.get(`/api/transactions/${cash.body.transaction.id}/payment-history`).expect(200)).body;
    expect(cashHistory).toMatchObject({ processorPayment: null, reversals: [], refunds: [] });
    const [debit] = await world.sut.db.query("SELECT id FROM transactions WHERE account_id = ? AND side = 'debit' LIMIT 1", [account]);
    await w.get(`/api/transactions/${debit.id}/payment-history`).expect(404);
    await w.expectBooksBalance([account]);
  });

  it('marks a card payment reversed when its credit is voided from the ledger, so it cannot be reversed twice', async () => {
    const { w, stripe } = world;
    await w.today('2026-07-04');
    const { account, invoice, payment } = await paidCard(800);
    const refundsBefore = stripe.callsTo('POST /v1/refunds').length;
    const voided = await w.post(`/api/transactions/${payment.transactionId}/void`, { reason: 'entered on the wrong account' }).expect(200);
    const [row] = await world.payments(account);
    expect(row).toMatchObject({ status: 'reversed' });
    const [{ reversal_transaction_id }] = await world.sut.db.query('SELECT reversal_transaction_id FROM processor_payments WHERE id = ?', [
      payment.id,
    ]);
    expect(Number(reversal_transaction_id)).toBe(voided.body.transaction.id);
    expect(await w.invoice(invoice)).toMatchObject({ paid: 0 });

    const again = await w.post(`/api/processor-payments/${payment.id}/reverse`, { refund: true }).expect(409);
    expect(again.body.code).toBe('payment_reversed');
    expect(stripe.callsTo('POST /v1/refunds')).toHaveLength(refundsBefore);
    await w.expectBooksBalance([account]);
  });

  it('refuses a payment not on the ledger yet, bad input, and staff without the void permission; nothing is written', async () => {
    const { w } = world;
    await w.today('2026-07-03');
    const account = await w.account();
    const bank = await world.savedMethod(account, 'pm_usBankAccount_success');
    const pending = await world
      .pay('bank', { accountId: account, paymentMethodId: bank.id, amount: 1500 }, `reverse-pending-${account}`)
      .expect(201);
    const refused = await w.post(`/api/processor-payments/${pending.body.id}/reverse`, { refund: true }).expect(409);
    expect(refused.body.code).toBe('payment_not_recorded');

    const bad = await w.post(`/api/processor-payments/${pending.body.id}/reverse`, { refund: 'yes' }).expect(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'refund' });
    await w.post('/api/processor-payments/999999999/reverse', { refund: false }).expect(404);

    const clerk = await world.sut.userWith(['billing.read' as never, 'billing.manage' as never]);
    await world.sut
      .http()
      .post(`/api/processor-payments/${pending.body.id}/reverse`)
      .auth(clerk.token, { type: 'bearer' })
      .send({ refund: false })
      .expect(403);
    const [{ n }] = await world.sut.db.query('SELECT COUNT(*) AS n FROM processor_refunds WHERE account_id = ?', [account]);
    expect(Number(n)).toBe(0);
    await w.expectBooksBalance([account]);
  });
});
