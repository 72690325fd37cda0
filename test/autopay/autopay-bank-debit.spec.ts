import { PaymentSyncService } from '../../src/payments/payment-sync.service';
import { AutopayWorld } from './support/autopay-world';

/**
 * A bank account as the autopay method: the debit is processing for days, and
 * while it is, the following days' runs do not debit the account again.
 */
describe('autopay with a bank account', () => {
  let world: AutopayWorld;

  beforeAll(async () => {
    world = await AutopayWorld.start();
  }, 120_000);
  afterAll(() => world?.close());

  it('submits one debit, leaves the account alone while it is processing, and counts it paid once settled', async () => {
    const { w, stripe, sut } = world;
    await w.today('2026-10-01');
    const account = await world.account(1);
    await world.invoice(account, 6400);
    await world.autopayMethod(account, 'pm_usBankAccount_success');

    expect(await world.run('2026-10-02')).toMatchObject({ charged: 1, failed: 0, chargedTotal: 6400 });
    const [payment] = await world.payments(account);
    expect(payment).toMatchObject({ method: 'bank', status: 'pending', amount: 6400 });
    expect(await world.attempts(account)).toMatchObject([{ date: '2026-10-02', status: 'processing', processorPaymentId: payment.id }]);

    // Still at the bank: the next runs leave the account alone.
    expect(await world.run('2026-10-03')).toMatchObject({ charged: 0, failed: 0 });
    expect(await world.run('2026-10-05')).toMatchObject({ charged: 0, failed: 0 });
    expect(await world.attempts(account)).toHaveLength(1);
    expect(world.intentsFor(account)).toHaveLength(1);

    stripe.settle(payment.stripePaymentIntentId as string, 'succeeded');
    expect(await sut.app.get(PaymentSyncService).syncPaymentIntent(payment.stripePaymentIntentId as string)).toBe('recorded');
    expect(await world.owed(account)).toBe(0);
    expect(await world.run('2026-10-06')).toMatchObject({ accounts: 0, charged: 0 });
    expect(await world.payments(account)).toHaveLength(1);

    await w.expectBooksBalance([account]);
  }, 120_000);
});
