import { BillingWorld } from '../billing/billing-world';
import { createTestApp, TestApp } from '../support/test-app';

const ABSURD_DATES = ['0000-00-00', '0001-01-01', '1900-01-01', '9999-12-31', '2027-02-30', '2027-13-01'];

/** The classes of input that once answered 500 or wrote nonsense: each is now a 400 naming the field, with nothing written. */
describe('hostile input', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let account: number;
  let oneTime: number;

  const written = async () => {
    const [row] = await sut.db.query(
      `SELECT (SELECT COUNT(*) FROM transactions WHERE account_id = ?) AS transactions,
              (SELECT COUNT(*) FROM invoices WHERE account_id = ?) AS invoices,
              (SELECT COUNT(*) FROM action_history WHERE entity_type = 'account' AND entity_id = ?) AS audit`,
      [account, account, String(account)],
    );
    return { transactions: Number(row.transactions), invoices: Number(row.invoices), audit: Number(row.audit) };
  };

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
    account = await w.account();
    oneTime = await w.service(1000, { kind: 'one_time' });
  });
  afterAll(() => sut.close());

  it('refuses a zero, impossible or out-of-window date on payments, charges, invoices, runs and the close date', async () => {
    const before = await written();
    for (const date of ABSURD_DATES) {
      const attempts = [
        w.post('/api/payments', { accountId: account, method: 'cash', amount: 100, date }),
        w.post('/api/transactions/one-time', { accountId: account, serviceId: oneTime, date }),
        w.post('/api/invoices', { accountId: account, invoiceDate: date, lines: [{ serviceId: oneTime }] }),
        w.post('/api/bill-runs', { date }),
        w.post('/api/autopay-runs', { date }),
        w.put('/api/accounting-period', { closeDate: date }),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(400);
        expect(res.body.details[0]).toMatchObject({ rule: 'date' });
        expect(res.body.message).toMatch(/must be a calendar date as YYYY-MM-DD between 2000-01-01 and 2099-12-31/);
      }
    }
    expect(await written()).toEqual(before);
  });

  it('refuses a bill or autopay run further ahead than the horizon', async () => {
    const tooFar = new Date(Date.now() + (sut.config.RUN_DATE_HORIZON_DAYS + 2) * 86_400_000).toISOString().slice(0, 10);
    for (const path of ['/api/bill-runs', '/api/autopay-runs']) {
      const res = await w.post(path, { date: tooFar }).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'date', rule: 'horizon' })]);
    }
  });

  it('refuses a body nested thousands of levels deep before validating it, even on the anonymous login', async () => {
    const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
    const res = await sut.http().post('/api/auth/login').set('Content-Type', 'application/json').send(deep(3000)).expect(400);
    expect(res.body).toMatchObject({ message: 'The body is nested too deeply', details: [{ field: 'body', rule: 'maxDepth' }] });
    const justUnder = await sut.http().post('/api/auth/login').set('Content-Type', 'application/json').send(deep(399)).expect(400);
    expect(justUnder.body.details[0]).toMatchObject({ field: 'a', rule: 'unknownField' });
  });

  it('answers null in a field that cannot be cleared with a 400 naming it, and clears one that can', async () => {
    const before = await written();
    const res = await w.put(`/api/accounts/${account}`, { name: null }).expect(400);
    expect(res.body).toMatchObject({
      message: 'name must not be null; leave it out instead.',
      details: [{ field: 'name', rule: 'notNull', message: 'name must not be null; leave it out instead' }],
    });
    expect(await written()).toEqual(before);
    const cleared = await w.put(`/api/accounts/${account}`, { parentAccountId: null }).expect(200);
    expect(cleared.body.parentAccountId).toBeNull();
  });

  it('refuses an array where an address belongs and keeps the address', async () => {
    const address = { line1: '1 Main St', city: 'Springfield', region: 'IL', postcode: '62701', country: 'US' };
    await w.put(`/api/accounts/${account}`, { mailingAddress: address }).expect(200);
    const before = await written();
    for (const bad of [[], [address], 'x', 42]) {
      const res = await w.put(`/api/accounts/${account}`, { mailingAddress: bad }).expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'mailingAddress', rule: 'isObject' });
    }
    const nested = await w.put(`/api/accounts/${account}`, { serviceAddress: { ...address, line1: [] } }).expect(400);
    expect(nested.body.details[0]).toMatchObject({ field: 'serviceAddress.line1' });
    expect(await written()).toEqual(before);
    const after = (await w.get(`/api/accounts/${account}`).expect(200)).body;
    expect(after.mailingAddress).toMatchObject(address);
  });

  it('refuses keys that reach object internals and numbers past 2^53 instead of reading them as nothing', async () => {
    const before = await written();
    const proto = await sut
      .http()
      .put(`/api/accounts/${account}`)
      .auth(w.token, { type: 'bearer' })
      .set('Content-Type', 'application/json')
      .send('{"__proto__":{"name":"x"}}')
      .expect(400);
    expect(proto.body.details[0]).toMatchObject({ field: '__proto__', rule: 'unknownField' });
    const huge = await w.put(`/api/accounts/${account}`, { accountTypeId: 1e308 }).expect(400);
    expect(huge.body.details[0]).toMatchObject({ field: 'accountTypeId', rule: 'safeNumber' });
    expect(await written()).toEqual(before);
  });
});
