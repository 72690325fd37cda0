import { BillingWorld } from './billing-world';
import { createTestApp, TestApp } from '../support/test-app';

/** A transaction says when it was posted, by whom, the period it covers and the invoice number it is on, for the side panel. */
describe('transaction provenance', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());

  it('carries who posted it, when, its period and its invoice number', async () => {
    const account = await w.account();
    await w.addService(account, await w.service(2500), '2026-07-01');
    const { invoice } = await w.generate(account, '2026-07-01');
    const filter = encodeURIComponent(JSON.stringify({ accountId: account }));
    const [charge] = (await w.get(`/api/transactions?filter=${filter}`).expect(200)).body;
    // Charges a bill makes are the system's; a clerk's one-time charge is theirs.
    expect(charge).toMatchObject({
      invoiceId: invoice!.id,
      invoiceNumber: invoice!.number,
      periodStart: '2026-07-01',
      periodEnd: '2026-07-31',
      createdByName: null,
    });
    await w.post('/api/transactions/one-time', { accountId: account, serviceId: await w.service(1200, { kind: 'one_time' }) }).expect(201);
    const [oneTime] = (await w.get(`/api/transactions?filter=${filter}`).expect(200)).body;
    const [{ name }] = await sut.db.query('SELECT s.name FROM staff_users s JOIN transactions t ON t.created_by = s.id WHERE t.id = ?', [
      oneTime.id,
    ]);
    expect(oneTime).toMatchObject({ invoiceId: null, invoiceNumber: null, createdByName: name });
    expect(typeof name).toBe('string');
    expect(Number.isNaN(Date.parse(charge.createdAt))).toBe(false);
    expect((await w.get(`/api/transactions/${charge.id}`).expect(200)).body).toMatchObject({ invoiceNumber: invoice!.number });
  });
});
