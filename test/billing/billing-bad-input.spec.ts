import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

/** Mistakes get a 4xx that names the field and rule, and nothing is written. */
describe('billing bad input', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let account: number;
  let recurring: number;
  let oneTime: number;
  let frozenInvoice: number;
  let voidInvoice: number;

  const counts = async () => {
    const [row] = await sut.db.query(
      `SELECT (SELECT COUNT(*) FROM transactions WHERE account_id = ?) AS t, (SELECT COUNT(*) FROM account_services WHERE account_id = ?) AS s,
              (SELECT COUNT(*) FROM invoices WHERE account_id = ?) AS i,
              (SELECT COUNT(*) FROM credit_applications a JOIN invoices i ON i.id = a.invoice_id WHERE i.account_id = ?) AS a`,
      [account, account, account, account],
    );
    return row;
  };

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
    await w.today('2026-10-01');
    account = await w.account();
    recurring = await w.service(3000);
    oneTime = await w.service(1000, { kind: 'one_time' });
    frozenInvoice = (await w.post('/api/invoices', { accountId: account, lines: [{ serviceId: oneTime }] }).expect(201)).body.id;
    await w.put(`/api/invoices/${frozenInvoice}`, { frozen: true }).expect(200);
    voidInvoice = (await w.post('/api/invoices', { accountId: account, lines: [{ serviceId: oneTime }] }).expect(201)).body.id;
    await w.post(`/api/invoices/${voidInvoice}/void`).expect(200);
    await w.pay(account, 300);
  });
  afterAll(async () => {
    await w.expectBooksBalance([account]);
    await sut.close();
  });

  type Attempt = () => Promise<{ status: number; body: { details?: { field: string; rule: string }[] } }>;
  const cases: { what: string; attempt: Attempt; status: number; field?: string; rule?: string }[] = [
    {
      what: 'a negative quantity',
      attempt: () => w.post('/api/account-services', { accountId: account, serviceId: recurring, quantity: -1 }),
      status: 400,
      field: 'quantity',
      rule: 'min',
    },
    {
      what: 'a price with a fraction of a cent',
      attempt: () => w.post('/api/account-services', { accountId: account, serviceId: recurring, priceOverride: 10.5 }),
      status: 400,
      field: 'priceOverride',
      rule: 'isInt',
    },
    {
      what: 'a payment with a fraction of a cent',
      attempt: () => w.post('/api/payments', { accountId: account, method: 'cash', amount: 0.5 }),
      status: 400,
      field: 'amount',
      rule: 'isInt',
    },
    {
      what: 'a payment as a string',
      attempt: () => w.post('/api/payments', { accountId: account, method: 'cash', amount: '10' }),
      status: 400,
      field: 'amount',
      rule: 'isInt',
    },
    {
      what: 'a check without its number',
      attempt: () => w.post('/api/payments', { accountId: account, method: 'check', amount: 100 }),
      status: 400,
      field: 'reference',
      rule: 'required',
    },
    {
      what: 'an unknown service',
      attempt: () => w.post('/api/account-services', { accountId: account, serviceId: 999_999_999 }),
      status: 400,
      field: 'serviceId',
      rule: 'exists',
    },
    {
      what: 'a one-time service added as recurring',
      attempt: () => w.post('/api/account-services', { accountId: account, serviceId: oneTime }),
      status: 400,
      field: 'serviceId',
      rule: 'recurring',
    },
    {
      what: 'an unknown account',
      attempt: () => w.post('/api/payments', { accountId: 999_999_999, method: 'cash', amount: 100 }),
      status: 404,
    },
    {
      what: 'applying credit to a frozen invoice',
      attempt: () => w.post(`/api/invoices/${frozenInvoice}/apply-credits`, { amount: 1 }),
      status: 409,
    },
    { what: 'changing a frozen invoice', attempt: () => w.put(`/api/invoices/${frozenInvoice}`, { message: 'new words' }), status: 409 },
    { what: 'voiding a frozen invoice', attempt: () => w.post(`/api/invoices/${frozenInvoice}/void`), status: 409 },
    { what: 'changing a void invoice', attempt: () => w.put(`/api/invoices/${voidInvoice}`, { frozen: true }), status: 409 },
    {
      what: 'applying credit to a void invoice',
      attempt: () => w.post(`/api/invoices/${voidInvoice}/apply-credits`, { amount: 1 }),
      status: 409,
    },
    {
      what: 'a date that is not a date',
      attempt: () => w.post('/api/account-services', { accountId: account, serviceId: recurring, date: '2026-02-30' }),
      status: 400,
      field: 'date',
      rule: 'date',
    },
    {
      what: 'an unknown field',
      attempt: () => w.post('/api/payments', { accountId: account, method: 'cash', amount: 100, tip: 5 }),
      status: 400,
      field: 'tip',
      rule: 'unknownField',
    },
    {
      what: 'a malformed Idempotency-Key',
      attempt: () => w.post('/api/payments', { accountId: account, method: 'cash', amount: 100 }).set('Idempotency-Key', 'no spaces'),
      status: 400,
      field: 'Idempotency-Key',
      rule: 'format',
    },
  ];

  it.each(cases)('refuses $what', async ({ attempt, status, field, rule }) => {
    const before = await counts();
    const res = await attempt();
    expect(res.status).toBe(status);
    const named = (res.body.details ?? []).some((d) => d.field === field && d.rule === rule);
    expect(named).toBe(field !== undefined);
    expect(await counts()).toEqual(before);
  });

  it('refuses applying more credit than the account has, naming amount', async () => {
    const open = (await w.post('/api/invoices', { accountId: account, lines: [{ serviceId: oneTime, price: 5000 }] }).expect(201)).body;
    const before = await counts();
    const res = await w.post(`/api/invoices/${open.id}/apply-credits`, { amount: 4000 }).expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'amount', rule: 'max' });
    expect(await counts()).toEqual(before);
  });

  it('refuses choosing proration without the permission', async () => {
    const clerk = await sut.userWith(['billing.manage', 'billing.read'] as never);
    const res = await sut
      .http()
      .post('/api/account-services')
      .set('Authorization', `Bearer ${clerk.token}`)
      .send({ accountId: account, serviceId: recurring, prorate: false, date: '2026-10-02' });
    expect(res.status).toBe(403);
    expect(res.body.details[0]).toMatchObject({ field: 'prorate' });
    const ok = await sut
      .http()
      .post('/api/account-services')
      .set('Authorization', `Bearer ${clerk.token}`)
      .set('X-Request-Id', randomUUID())
      .send({ accountId: account, serviceId: recurring, date: '2026-10-02' });
    expect(ok.status).toBe(201);
  });
});
