import { BillingWorld } from './billing-world';
import { createTestApp, TestApp } from '../support/test-app';

/** Editing a service on an account: new terms start with the next invoice, never reaching back into one already made. */
describe('editing an account service', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());

  const patch = (id: number, body: object) =>
    sut.http().patch(`/api/account-services/${id}`).set('Authorization', `Bearer ${w['token']}`).send(body);
  const ledgerCount = async (accountId: number) =>
    Number((await sut.db.query('SELECT COUNT(*) AS n FROM transactions WHERE account_id = ?', [accountId]))[0].n);

  it('bills a changed price and quantity from the next invoice on, with nothing posted now (billing in advance)', async () => {
    await w.today('2026-07-01');
    const account = await w.account();
    const line = await w.addService(account, await w.service(3000), '2026-07-01');
    const july = (await w.generate(account, '2026-07-01')).invoice!;
    expect(july.total).toBe(3000);

    await w.today('2026-07-10');
    const before = await ledgerCount(account);
    const res = await patch(line.id, { quantity: 2, priceOverride: 4000, prorationDate: '2026-07-01' }).expect(200);
    expect(res.body).toMatchObject({ quantity: 2, priceOverride: 4000, additionProrateDate: '2026-07-01', addedOn: '2026-08-01' });
    // July was invoiced at the old terms and stays so: no credit, no prorated charge.
    expect(await ledgerCount(account)).toBe(before);
    expect((await w.invoice(july.id)).total).toBe(3000);

    const august = (await w.generate(account, '2026-08-01')).invoice!;
    expect(august.total).toBe(8000);
    const [entry] = await sut.db.query(
      "SELECT before_state, after_state FROM action_history WHERE action = 'account_service.edit' AND entity_id = ? ORDER BY id DESC LIMIT 1",
      [String(res.body.id)],
    );
    const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(json(entry.before_state)).toMatchObject({ quantity: 1, priceOverride: null });
    expect(json(entry.after_state)).toMatchObject({ quantity: 2, priceOverride: 4000, replaces: line.id });
    await w.expectBooksBalance([account]);
  });

  it('bills the new price for the whole current period when billing in arrears', async () => {
    await w.today('2026-06-01');
    const account = await w.account({ billTiming: 'arrears' });
    const line = await w.addService(account, await w.service(3000), '2026-06-01', { prorate: false });
    // July's invoice bills June, used at the old price.
    await w.today('2026-07-01');
    expect((await w.generate(account, '2026-07-01')).invoice!.total).toBe(3000);
    await w.today('2026-07-10');
    await patch(line.id, { priceOverride: 1000 }).expect(200);
    const invoice = (await w.generate(account, '2026-08-01')).invoice!;
    expect(invoice.total).toBe(1000);
    await w.expectBooksBalance([account]);
  });

  it('corrects only the proration date in place, moving no money', async () => {
    await w.today('2026-07-10');
    const account = await w.account();
    const line = await w.addService(account, await w.service(3000), '2026-07-05');
    const before = await ledgerCount(account);
    const res = await patch(line.id, { prorationDate: '2026-07-06' }).expect(200);
    expect(res.body).toMatchObject({ id: line.id, additionProrateDate: '2026-07-06', quantity: 1 });
    expect(await ledgerCount(account)).toBe(before);
  });

  it.each([
    [{ quantity: 0 }, 'quantity'],
    [{ quantity: 1.5 }, 'quantity'],
    [{ priceOverride: -1 }, 'priceOverride'],
    [{ priceOverride: 12.5 }, 'priceOverride'],
    [{ prorationDate: '2026-02-30' }, 'prorationDate'],
    [{ prorationDate: '2026-01-01' }, 'prorationDate'],
    [{}, 'quantity'],
  ])('refuses %j, naming %s', async (body, field) => {
    await w.today('2026-07-10');
    const account = await w.account();
    const line = await w.addService(account, await w.service(3000), '2026-07-01');
    const res = await patch(line.id, body).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
