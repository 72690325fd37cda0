import { BillingWorld } from '../billing/billing-world';
import { createTestApp, TestApp } from '../support/test-app';

/** A dry run shows what the run would invoice and leaves no trace, so it can run on the shared database. */
describe('bill run preview', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());

  // Only these accounts' rows: other suites write to the same database at the same time.
  const counts = async (ids: number[]) =>
    (
      await sut.db.query(
        `SELECT (SELECT COUNT(*) FROM invoices WHERE account_id IN (?)) AS i, (SELECT COUNT(*) FROM transactions WHERE account_id IN (?)) AS t,
                (SELECT COUNT(*) FROM action_history WHERE account_id IN (?)) AS h, (SELECT COUNT(*) FROM account_services WHERE account_id IN (?) AND charged_through > '2026-07-01') AS s`,
        [ids, ids, ids, ids],
      )
    )[0];

  it('returns each account’s invoice with its lines and taxes, and writes nothing', async () => {
    await w.today('2026-07-01');
    const tax = await w.tax(82500);
    const a = await w.account();
    const b = await w.account();
    await w.addService(a, await w.service(3000, { taxIds: [tax] }), '2026-07-01');
    await w.post('/api/transactions/one-time', { accountId: b, serviceId: await w.service(1200, { kind: 'one_time' }) }).expect(201);

    const before = await counts([a, b]);
    const res = await w.post('/api/bill-runs/preview', { date: '2026-07-01', accountIds: [a, b] }).expect(200);
    // 3000 + 8.25 % (247.5 → 248); the waiting one-time charge of 1200
    expect(res.body).toEqual([
      expect.objectContaining({ accountId: a, alreadyInvoiced: false, total: 3248, taxTotal: 248 }),
      expect.objectContaining({ accountId: b, alreadyInvoiced: false, total: 1200, taxTotal: 0 }),
    ]);
    expect(res.body[0].lines).toHaveLength(1);
    // Named as the clerk knows them, not by bare id.
    const [{ name: aName }] = await sut.db.query('SELECT name FROM accounts WHERE id = ?', [a]);
    const [{ name: bName }] = await sut.db.query('SELECT name FROM accounts WHERE id = ?', [b]);
    expect(res.body.map((r: { accountName: string }) => r.accountName)).toEqual([aName, bName]);
    expect(await counts([a, b])).toEqual(before);

    // The real generation afterwards gives exactly what the preview said.
    expect((await w.generate(a, '2026-07-01')).invoice).toMatchObject({ total: 3248, taxTotal: 248 });
    await w.expectBooksBalance([a, b]);
  });

  it('names unknown accounts', async () => {
    const res = await w.post('/api/bill-runs/preview', { date: '2026-07-01', accountIds: [999_999_999] }).expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'accountIds', rule: 'exists' });
  });
});
