import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from '../billing/billing-world';
import { accountServices, auditActions, createStatus, DisconnectionBody, disconnections, unique } from './disconnection-fixture';

/**
 * Disconnecting an account billed in advance, worked out by hand: a $30.00 service
 * (3000 cents) on periods starting the 1st, disconnected on 11 April 2026, so 10 of
 * April's 30 days were used and 20 were paid for but not used.
 */
describe('disconnecting an account billed in advance', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());
  afterEach(() => {
    jest.restoreAllMocks();
  });

  /** An account with the service from 1 April and April's invoice made. */
  async function aprilCustomer(settings: Record<string, unknown> = {}) {
    await w.today('2026-04-01');
    const account = await w.account({ billTiming: 'advance', ...settings });
    const service = await w.addService(account, await w.service(3000), '2026-04-01');
    const { invoice } = await w.generate(account, '2026-04-01');
    expect(invoice?.total).toBe(3000);
    return { account, service, april: invoice! };
  }

  it('credits the unused days, puts what waits on a final invoice paid by that credit, and logs who, when and where', async () => {
    const { account, service, april } = await aprilCustomer();
    await w.pay(account, 3000);
    await w.today('2026-04-11');
    const oneTime = await w.service(500, { kind: 'one_time' });
    await w.post('/api/transactions/one-time', { accountId: account, serviceId: oneTime }).expect(201);
    const status = await createStatus(w, false);
    const admin = await sut.admin();
    const [staff] = await sut.db.query('SELECT name FROM staff_users WHERE id = ?', [admin.id]);
    const [previous] = await sut.db.query(
      'SELECT s.id, s.name FROM accounts a JOIN account_statuses s ON s.id = a.account_status_id WHERE a.id = ?',
      [account],
    );
    const requestId = `disconnect-${unique()}`;

    const res = await w
      .post(`/api/accounts/${account}/disconnect`, { statusId: status.id, reason: '  Moved out of the area  ' })
      .set('X-Request-Id', requestId)
      .expect(201);
    const entry = res.body as DisconnectionBody;

    expect(entry).toMatchObject({
      accountId: account,
      disconnectedAt: '2026-04-11T12:00:00.000Z',
      disconnectedOn: '2026-04-11',
      disconnectedBy: { id: admin.id, name: staff.name },
      address: {
        line1: '12 Oak St',
        line2: null,
        city: 'Springfield',
        region: 'IL',
        postcode: '62701',
        country: 'US',
        formatted: '12 Oak St, Springfield, IL 62701, US',
      },
      previousStatus: { id: Number(previous.id), name: previous.name },
      status: { id: status.id, name: status.name, color: '#455a64' },
      reason: 'Moved out of the area',
      currency: 'USD',
    });
    // 3000 × 20 / 30 = 2000 back for the unused days; the 500 one-time charge is all that waited for an invoice.
    expect(entry.finalInvoice).toMatchObject({ total: 500, remaining: 0 });
    const ledger = await w.transactions(account);
    const credit = ledger.find((t) => t.kind === 'discount');
    expect(credit).toMatchObject({ side: 'credit', amount: 2000 });
    expect(credit?.description).toContain('unused days credited 20/30 days');
    expect(ledger.filter((t) => t.kind === 'debit' && t.invoiceId === entry.finalInvoice?.id).map((t) => t.amount)).toEqual([500]);
    expect(await w.invoice(entry.finalInvoice!.id)).toMatchObject({
      manual: true,
      invoiceDate: '2026-04-11',
      dueDate: '2026-04-25',
      total: 500,
      paid: 500,
    });
    expect(await w.invoice(april.id)).toMatchObject({ total: 3000, paid: 3000 });
    expect(await w.figures(account)).toMatchObject({ balanceDue: 0, availableCredits: 1500, totalBalance: 0, nextRecurringCharge: 0 });

    expect(await accountServices(w, account)).toEqual([
      expect.objectContaining({ id: service.id, removedOn: '2026-04-11', chargedThrough: '2026-04-11' }),
    ]);
    expect((await w.get(`/api/accounts/${account}`).expect(200)).body.accountStatusId).toBe(status.id);
    const [flag] = await sut.db.query('SELECT disconnected_at FROM accounts WHERE id = ?', [account]);
    expect(flag.disconnected_at).toEqual(new Date('2026-04-11T12:00:00Z'));
    expect(await disconnections(w, account)).toEqual([entry]);

    const audit = await auditActions(sut.db, requestId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'account.disconnect',
      entityId: String(account),
      after: { accountStatusId: status.id, servicesEnded: [service.id], finalInvoiceId: entry.finalInvoice?.id },
    });

    // Nothing is left for the bill run: May brings no invoice.
    await w.today('2026-05-01');
    expect((await w.generate(account, '2026-05-01')).invoice).toBeNull();
  });

  it('lets the credit for unused days pay the open invoice first; with nothing waiting there is no final invoice', async () => {
    const { account, april } = await aprilCustomer();
    await w.today('2026-04-11');
    const status = await createStatus(w, false);

    const entry = (await w.post(`/api/accounts/${account}/disconnect`, { statusId: status.id }).expect(201)).body as DisconnectionBody;

    expect(entry.finalInvoice).toBeNull();
    expect(entry.reason).toBeNull();
    expect(await w.invoice(april.id)).toMatchObject({ total: 3000, paid: 2000, remaining: 1000 });
    expect(await w.figures(account)).toMatchObject({ balanceDue: 1000, availableCredits: 0, totalBalance: 1000 });
  });

  it('charges the days used in a period whose invoice was never made', async () => {
    await w.today('2026-04-01');
    const account = await w.account({ billTiming: 'advance' });
    await w.addService(account, await w.service(3000), '2026-04-01');
    await w.today('2026-04-11');
    const status = await createStatus(w, false);

    const entry = (await w.post(`/api/accounts/${account}/disconnect`, { statusId: status.id }).expect(201)).body as DisconnectionBody;

    // 3000 × 10 / 30 = 1000 for 1 to 10 April.
    expect(entry.finalInvoice).toMatchObject({ total: 1000, remaining: 1000 });
    const [charge] = (await w.transactions(account)).filter((t) => t.invoiceId === entry.finalInvoice?.id);
    expect(charge).toMatchObject({ kind: 'debit', amount: 1000 });
    expect(charge.description).toContain('(2026-04-01 to 2026-04-10), prorated 10/30 days');
    expect(await w.figures(account)).toMatchObject({ balanceDue: 1000, totalBalance: 1000 });
  });

  it('gives nothing back for the unused days when the billing settings do not prorate removals', async () => {
    const { account, april } = await aprilCustomer({ prorateServices: false });
    await w.today('2026-04-11');
    const status = await createStatus(w, false);

    const entry = (await w.post(`/api/accounts/${account}/disconnect`, { statusId: status.id }).expect(201)).body as DisconnectionBody;

    expect(entry.finalInvoice).toBeNull();
    expect((await w.transactions(account)).filter((t) => t.side === 'credit')).toEqual([]);
    expect(await w.invoice(april.id)).toMatchObject({ remaining: 3000 });
    expect((await accountServices(w, account))[0]).toMatchObject({ removedOn: '2026-04-11' });
  });
});
