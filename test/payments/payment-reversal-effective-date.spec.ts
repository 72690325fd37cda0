import { PaymentsWorld } from './support/payments-world';

/**
 * A card payment reversed with an effective date: the void row is dated that day,
 * which may not fall in the closed period nor outside the date window. Closing the
 * books is system-wide, hence a database of its own.
 */
describe('reversing a processor payment on a chosen day', () => {
  let world: PaymentsWorld;

  beforeAll(async () => {
    world = await PaymentsWorld.start({ isolated: true });
  });
  afterAll(() => world.close());

  async function paidCard(amount: number) {
    const { w } = world;
    const account = await w.account();
    await world.invoice(account, amount);
    const card = await world.savedMethod(account);
    const res = await world.pay('card', { accountId: account, paymentMethodId: card.id, amount }, `reverse-dated-${account}`).expect(201);
    return { account, payment: res.body as { id: number; transactionId: number } };
  }

  it('dates the void row on the effective date, and refuses a closed or impossible day with nothing written', async () => {
    const { w } = world;
    await w.today('2026-07-03');
    const { account, payment } = await paidCard(2500);
    await w.today('2026-08-10');
    await w.put('/api/accounting-period', { closeDate: '2026-07-31' }).expect(200);

    const closed = await w.post(`/api/processor-payments/${payment.id}/reverse`, { refund: false, effectiveDate: '2026-07-31' });
    // The payment itself is dated inside the closed period, so the original's date is what refuses it first.
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('accounting_period_closed');
    for (const [effectiveDate, rule] of [
      ['1999-01-01', 'date'],
      ['2026-13-01', 'date'],
    ]) {
      const res = await w.post(`/api/processor-payments/${payment.id}/reverse`, { refund: false, effectiveDate }).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'effectiveDate', rule })]);
    }
    const [row] = await world.payments(account);
    expect(row.status).toBe('succeeded');

    const { account: august, payment: augustPayment } = await paidCard(1800);
    const early = await w
      .post(`/api/processor-payments/${augustPayment.id}/reverse`, { refund: false, effectiveDate: '2026-07-31' })
      .expect(409);
    expect(early.body.message).toBe(
      `The accounting period is closed up to and including 2026-07-31. A correction of credit ${augustPayment.transactionId} dated 2026-07-31 cannot be added or changed; record the correction in the open period.`,
    );
    const res = await w
      .post(`/api/processor-payments/${augustPayment.id}/reverse`, { refund: false, effectiveDate: '2026-08-12' })
      .expect(200);
    const voidRow = (await w.get(`/api/transactions/${res.body.reversalTransactionId}`).expect(200)).body;
    expect(voidRow).toMatchObject({ kind: 'void', amount: 1800, date: '2026-08-12' });
    await w.expectBooksBalance([account, august]);
  });
});
