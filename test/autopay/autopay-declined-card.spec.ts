import { AutopayWorld } from './support/autopay-world';

/**
 * A declined autopay card: the failure is kept with the processor's reason, nothing
 * reaches the ledger, and the account is tried again only on the retry days
 * (AUTOPAY_RETRY_DAYS=1,3 counted from the first failure).
 */
describe('autopay with a declined card', () => {
  let world: AutopayWorld;

  beforeAll(async () => {
    world = await AutopayWorld.start({ config: { AUTOPAY_RETRY_DAYS: '1,3' } });
  }, 120_000);
  afterAll(() => world?.close());

  it('records the decline with its reason and retries on the retry days only', async () => {
    const { w } = world;
    await w.today('2026-07-01');
    const account = await world.account(2);
    await world.invoice(account, 4321);
    await world.autopayMethod(account, 'pm_card_chargeDeclined');

    expect(await world.run('2026-07-03')).toMatchObject({ charged: 0, failed: 1 });
    expect(await world.attempts(account)).toMatchObject([
      { date: '2026-07-03', amount: 4321, attempt: 1, status: 'failed', reason: 'Your card was declined. (generic_decline)' },
    ]);
    const [payment] = await world.payments(account);
    expect(payment).toMatchObject({ status: 'failed', failureReason: 'Your card was declined. (generic_decline)', transactionId: null });
    expect((await world.attempts(account))[0].processorPaymentId).toBe(payment.id);
    expect(await world.owed(account)).toBe(4321);

    // One day after the first failure: the first retry, declined again.
    expect(await world.run('2026-07-04')).toMatchObject({ failed: 1 });
    // Two days after: not a retry day.
    expect(await world.run('2026-07-05')).toMatchObject({ charged: 0, failed: 0 });
    expect((await world.attempts(account)).map((a) => [a.date, a.attempt, a.status])).toEqual([
      ['2026-07-03', 1, 'failed'],
      ['2026-07-04', 2, 'failed'],
    ]);

    // The customer gives a working card, which becomes the autopay method; the last retry takes it.
    await world.autopayMethod(account, 'pm_card_visa');
    expect(await world.run('2026-07-06')).toMatchObject({ charged: 1, failed: 0, chargedTotal: 4321 });
    expect((await world.attempts(account)).map((a) => [a.date, a.attempt, a.status])).toEqual([
      ['2026-07-03', 1, 'failed'],
      ['2026-07-04', 2, 'failed'],
      ['2026-07-06', 3, 'succeeded'],
    ]);
    expect(await world.owed(account)).toBe(0);
    expect((await world.payments(account)).map((p) => p.status).sort()).toEqual(['failed', 'failed', 'succeeded']);

    const run = await w.get('/api/autopay-runs').expect(200);
    const first = run.body.find((r: { runDate: string }) => r.runDate === '2026-07-03');
    const detail = await w.get(`/api/autopay-runs/${first.id}`).expect(200);
    expect(detail.body).toMatchObject({
      failed: 1,
      attemptList: [{ accountId: account, status: 'failed', reason: 'Your card was declined. (generic_decline)' }],
    });

    await w.expectBooksBalance([account]);
  }, 120_000);

  it('stops retrying once the retry days are used up', async () => {
    const { w } = world;
    await w.today('2026-08-01');
    const account = await world.account(0);
    await world.invoice(account, 800);
    await world.autopayMethod(account, 'pm_card_chargeDeclined');
    for (const date of ['2026-08-01', '2026-08-02', '2026-08-03', '2026-08-04', '2026-08-05']) await world.run(date);
    expect((await world.attempts(account)).map((a) => [a.date, a.attempt])).toEqual([
      ['2026-08-01', 1],
      ['2026-08-02', 2],
      ['2026-08-04', 3],
    ]);
    await w.expectBooksBalance([account]);
  }, 120_000);
});
