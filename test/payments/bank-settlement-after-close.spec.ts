import { PaymentSyncService } from '../../src/payments/payment-sync.service';
import { PaymentsWorld } from './support/payments-world';

describe('a bank debit that settles after its month was closed', () => {
  let world: PaymentsWorld;

  beforeAll(async () => {
    // Closing a period is felt by every account: this test has a database of its own.
    world = await PaymentsWorld.start({ isolated: true });
  });
  afterAll(() => world.close());

  it('is recorded in the open period, dated the day it settled', async () => {
    const { w, stripe, sut } = world;
    await w.today('2026-06-29');
    const account = await w.account();
    const invoice = await world.invoice(account, 3000);
    const bank = await world.savedMethod(account, 'pm_usBankAccount_success');
    const res = await world.pay('bank', { accountId: account, paymentMethodId: bank.id, amount: 3000 }, `late-${account}-june`).expect(201);
    expect(res.body).toMatchObject({ status: 'pending', date: '2026-06-29' });

    await w.today('2026-07-03');
    await w.put('/api/accounting-period', { closeDate: '2026-06-30' }).expect(200);
    stripe.settle(res.body.stripePaymentIntentId, 'succeeded');
    expect(await sut.app.get(PaymentSyncService).syncPaymentIntent(res.body.stripePaymentIntentId)).toBe('recorded');

    const [payment] = await world.ledgerPayments(account);
    const transaction = (await w.get(`/api/transactions/${payment.id}`).expect(200)).body;
    expect(transaction).toMatchObject({ date: '2026-07-03', amount: 3000, paymentMethod: 'bank' });
    expect(await w.invoice(invoice)).toMatchObject({ paid: 3000 });
    await w.expectBooksBalance([account]);
  });
});
