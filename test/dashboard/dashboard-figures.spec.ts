import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/auth/permission';
import { DelinquencyService } from '../../src/delinquency/delinquency.service';
import { AutopayWorld } from '../autopay/support/autopay-world';

// The bill run and the autopay run are named by their date in the run's one Temporal namespace:
// no other spec runs either in June 2025.
const TODAY = '2025-06-20';
const DAY_MS = 86_400_000;
const daysLate = (dueDate: string) => Math.round((Date.parse(`${TODAY}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS);
const bucketOf = (dueDate: string) => {
  const d = daysLate(dueDate);
  return d <= 0 ? 'current' : d <= 30 ? '1-30' : d <= 60 ? '31-60' : d <= 90 ? '61-90' : '90+';
};
const filter = (f: object) => `filter=${encodeURIComponent(JSON.stringify(f))}`;
const everything = `range=${encodeURIComponent('[0,999]')}`;

interface Listed {
  total: number;
  rows: Record<string, unknown>[];
}

/**
 * The dashboard in a small world of its own (its figures span every account, so the
 * database is this file's alone): four months of invoices and payments (a check among
 * them voided later), a bill run, a late fee this month and one in March (waived two
 * days later), autopay declines today, email the relay refused or still holds. Each figure is checked against what the per-account
 * screens and the lists show, summed here, never against the dashboard's own SQL.
 */
describe('the dashboard figures', () => {
  let world: AutopayWorld;
  const accounts: number[] = [];
  let lastRunId = 0;
  // Rows the lists must show as reversed, with the corrections that undid them.
  let bouncedCheck = { id: 0, voidId: 0 };
  let marchFee = { id: 0, reversalId: 0 };
  let juneFee = { id: 0, invoiceId: 0 };

  const list = async (path: string): Promise<Listed> => {
    const res = await world.w.get(path).expect(200);
    const range = String(res.headers['content-range'] ?? '');
    return { total: Number(range.split('/')[1]), rows: res.body as Record<string, unknown>[] };
  };

  beforeAll(async () => {
    world = await AutopayWorld.start();
    const { w, sut } = world;

    await w.today('2025-03-01');
    const active = Number((await sut.db.query("INSERT INTO account_statuses (name) VALUES ('Active')")).insertId);
    const suspended = Number(
      (await sut.db.query("INSERT INTO account_statuses (name, is_delinquency, color) VALUES ('Suspended', 1, '#c62828')")).insertId,
    );
    const lateFeeServiceId = await w.service(100, { kind: 'one_time' });
    const lateFeeSettings = {
      graceDays: 1,
      delinquencyWeekdays: [1, 2, 3, 4, 5, 6, 7],
      lateFeeServiceId,
      lateFeeKind: 'fixed',
      lateFeeAmount: 500,
    };
    const fiber = await w.service(5_000);
    const staticIp = await w.service(1_500);

    // Three subscribers on fiber, invoiced on the first of March, April and May.
    const [a1, a2, a3] = [await w.account(), await w.account(), await w.account()];
    // Two with one charge each in March, overdue later; their late fees fall in March and in June.
    const [a4, a5] = [await w.account(lateFeeSettings), await w.account(lateFeeSettings)];
    accounts.push(a1, a2, a3, a4, a5);
    for (const a of [a1, a2, a3]) await w.addService(a, fiber, '2025-03-01');
    for (const [a, amount] of [
      [a4, 3_000],
      [a5, 2_500],
    ]) {
      const one = await w.service(amount, { kind: 'one_time' });
      await w.post('/api/transactions/one-time', { accountId: a, serviceId: one, date: '2025-03-01' }).expect(201);
    }
    for (const a of [a1, a2, a3, a5]) await w.generate(a, '2025-03-01');
    for (const month of ['2025-04-01', '2025-05-01']) {
      await w.today(month);
      for (const a of [a1, a2, a3]) await w.generate(a, month);
    }
    await w.today('2025-03-23');
    const march = await sut.app.get(DelinquencyService).runForDate('2025-03-23', { accountIds: [a5] });
    // Waived two days later: the fee stays charged on the 23rd, its reversal is dated the 25th.
    await w.today('2025-03-25');
    const reversal = await w.post(`/api/transactions/${march.lateFees[0].transactionId}/reverse`, { reason: 'waived' }).expect(200);
    marchFee = { id: march.lateFees[0].transactionId, reversalId: Number(reversal.body.transaction.id) };

    await w.today('2025-05-05');
    await w.pay(a1, 15_000);
    await w.post('/api/payments', { accountId: a2, method: 'check', amount: 2_000, reference: '1045' }).expect(201);
    const check = await w.post('/api/payments', { accountId: a3, method: 'check', amount: 1_200, reference: '2211' }).expect(201);
    await w.today('2025-05-20');
    // The check bounces: voided on the 20th, it still counts as received on the 5th.
    const voided = await w.post(`/api/transactions/${check.body.transaction.id}/void`, { reason: 'check bounced' }).expect(200);
    bouncedCheck = { id: Number(check.body.transaction.id), voidId: Number(voided.body.transaction.id) };
    const [a3fiber] = (await w.get(`/api/account-services?${filter({ accountId: a3 })}`).expect(200)).body as { id: number }[];
    await w.post(`/api/account-services/${a3fiber.id}/remove`, { date: '2025-05-20' }).expect(200);

    // June's invoices come from the bill run; a4's charge waited for it, so its late fee falls in June.
    await w.today('2025-06-01');
    const { workflowId } = (await w.post('/api/bill-runs', { date: '2025-06-01' }).expect(202)).body as { workflowId: string };
    await world.client.workflow.getHandle(workflowId).result();
    lastRunId = ((await w.get('/api/bill-runs').expect(200)).body as { id: number }[])[0].id;
    await w.today('2025-06-05');
    await w.addService(a2, staticIp, '2025-06-05');
    await w.today('2025-06-17');
    const june = await sut.app.get(DelinquencyService).runForDate('2025-06-17', { accountIds: [a4] });
    juneFee = { id: june.lateFees[0].transactionId, invoiceId: june.lateFees[0].invoiceId };

    await w.put(`/api/accounts/${a1}`, { accountStatusId: active }).expect(200);
    await w.put(`/api/accounts/${a3}`, { accountStatusId: active }).expect(200);
    await w.put(`/api/accounts/${a2}`, { accountStatusId: suspended }).expect(200);
    await w.put(`/api/accounts/${a4}`, { accountStatusId: suspended }).expect(200);

    // Today: autopay charges one card and is declined on two.
    await w.today(TODAY);
    // A subscriber billed on the 20th, with fiber from today: the next bill run is due to invoice it.
    const a6 = await w.account({ invoiceDay: 20 });
    accounts.push(a6);
    await w.addService(a6, fiber, TODAY);
    for (const token of ['pm_card_visa', 'pm_card_chargeDeclined', 'pm_card_chargeDeclined']) {
      const a = await world.account(0);
      accounts.push(a);
      await world.invoice(a, 4_321);
      await world.autopayMethod(a, token);
    }
    await world.run(TODAY);

    for (const [a, status] of [
      [a1, 'queued'],
      [a1, 'rejected'],
      [a2, 'rejected'],
      [a3, 'sent'],
    ] as const) {
      await sut.db.query(
        `INSERT INTO emails (account_id, to_address, from_address, subject, body_text, message_id, status, sent_at, reject_reason)
         VALUES (?, 'someone@example.com', 'billing@example.com', 'Your invoice', 'Ready.', ?, ?, IF(? = 'sent', NOW(3), NULL), IF(? = 'rejected', '550 no such mailbox', NULL))`,
        [a, `<${randomUUID()}@example.com>`, status, status, status],
      );
    }
  }, 300_000);

  afterAll(() => world?.close());

  const dashboard = async () => (await world.w.get('/api/dashboard').expect(200)).body;

  it('counts accounts by status as the account list filtered by each status does', async () => {
    const figures = await dashboard();
    expect(figures.today).toBe(TODAY);
    for (const s of figures.accounts.byStatus) {
      expect({ status: s.name, accounts: (await list(`/api/accounts?${filter({ accountStatusId: s.accountStatusId })}`)).total }).toEqual({
        status: s.name,
        accounts: s.accounts,
      });
    }
    expect(figures.accounts.total).toBe((await list('/api/accounts')).total);
    const delinquent = await list(`/api/accounts?${filter({ delinquent: true })}`);
    expect(figures.accounts.delinquent).toBe(delinquent.total);
    expect(delinquent.rows.map((r) => r.id).sort()).toEqual([accounts[1], accounts[3]].sort());
  });

  it('sums recurring revenue from the services on each account, today and at the end of May', async () => {
    const figures = await dashboard();
    let today = 0;
    let mayEnd = 0;
    for (const a of accounts) {
      const services = (await world.w.get(`/api/account-services?${filter({ accountId: a, includeRemoved: true })}`).expect(200)).body as {
        unitPrice: number;
        priceOverride: number | null;
        quantity: number;
        addedOn: string;
        removedOn: string | null;
      }[];
      const on = (date: string) =>
        services
          .filter((s) => s.addedOn <= date && (s.removedOn === null || s.removedOn > date))
          .reduce((sum, s) => sum + (s.priceOverride ?? s.unitPrice) * s.quantity, 0);
      today += on(TODAY);
      mayEnd += on('2025-05-31');
      // No taxes in this world, so the account's own next recurring charge is the same sum.
      expect((await world.w.figures(a)).nextRecurringCharge).toBe(on(TODAY));
    }
    expect(figures.recurringRevenue).toEqual({
      monthly: today,
      previousMonth: mayEnd,
      change: today - mayEnd,
      previousMonthEnd: '2025-05-31',
    });
    expect(figures.recurringRevenue.change).not.toBe(0);
  });

  it('ages open invoices as the invoice list shows them, and owes what the accounts owe', async () => {
    const figures = await dashboard();
    const open = (await list(`/api/invoices?${filter({ open: true })}&${everything}`)).rows as {
      dueDate: string;
      remaining: number;
    }[];
    const expected = ['current', '1-30', '31-60', '61-90', '90+'].map((bucket) => {
      const inBucket = open.filter((i) => bucketOf(i.dueDate) === bucket);
      return { bucket, invoices: inBucket.length, owed: inBucket.reduce((sum, i) => sum + i.remaining, 0) };
    });
    expect(figures.aging).toEqual(expected);
    expect(expected.filter((b) => b.invoices > 0).length).toBeGreaterThanOrEqual(4);
    for (const b of figures.aging) {
      const filtered = await list(`/api/invoices?${filter({ agingBucket: b.bucket })}&${everything}`);
      expect({ bucket: b.bucket, invoices: filtered.total }).toEqual({ bucket: b.bucket, invoices: b.invoices });
      expect(filtered.rows.every((i) => bucketOf(i.dueDate as string) === b.bucket)).toBe(true);
    }
    let owed = 0;
    for (const a of accounts) owed += (await world.w.figures(a)).balanceDue;
    expect(figures.receivables).toBe(owed);
  });

  it('totals invoices and payments per month as the invoice and ledger lists do', async () => {
    const figures = await dashboard();
    expect(figures.months.map((m: { month: string }) => m.month)).toEqual([
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    const invoiced = new Map<string, number>();
    for (const i of (await list(`/api/invoices?${everything}`)).rows as { invoiceDate: string; total: number; void: boolean }[]) {
      if (!i.void) invoiced.set(i.invoiceDate.slice(0, 7), (invoiced.get(i.invoiceDate.slice(0, 7)) ?? 0) + i.total);
    }
    const paid = new Map<string, number>();
    for (const a of accounts) {
      for (const t of (await world.w.transactions(a)) as {
        kind: string;
        total: number;
        date?: string;
      }[]) {
        // A payment voided later still counts in the month it was received; its void is a row of its own.
        if (t.kind !== 'payment') continue;
        const month = String(t.date).slice(0, 7);
        paid.set(month, (paid.get(month) ?? 0) + t.total);
      }
    }
    expect(figures.months).toEqual(
      figures.months.map((m: { month: string }) => ({
        month: m.month,
        invoiced: invoiced.get(m.month) ?? 0,
        paid: paid.get(m.month) ?? 0,
      })),
    );
    expect(figures.months.filter((m: { invoiced: number }) => m.invoiced > 0).length).toBe(4);
    // Each month's bars open the invoice list filtered to that month, which holds the month's figure.
    for (const { month, invoiced: figure } of figures.months as { month: string; invoiced: number }[]) {
      const rows = (await list(`/api/invoices?${filter({ invoicedIn: month })}&${everything}`)).rows as {
        invoiceDate: string;
        total: number;
      }[];
      expect({ month, total: rows.reduce((sum, i) => sum + i.total, 0) }).toEqual({ month, total: figure });
      for (const i of rows) expect(i.invoiceDate.slice(0, 7)).toBe(month);
    }
    expect(figures.months.filter((m: { paid: number }) => m.paid > 0).length).toBe(2);
  });

  it("opens each month's paid bar on the payments dated in that month, which sum to the bar", async () => {
    const figures = await dashboard();
    for (const { month, paid: figure } of figures.months as { month: string; paid: number }[]) {
      const listed = await list(`/api/payments?${filter({ receivedIn: month })}&${everything}`);
      const rows = listed.rows as { date: string; amount: number }[];
      expect({ month, rows: listed.total, total: rows.reduce((sum, p) => sum + p.amount, 0) }).toEqual({
        month,
        rows: rows.length,
        total: figure,
      });
      for (const p of rows) expect(p.date.slice(0, 7)).toBe(month);
    }

    // May as it was taken at the desk, smallest first: the bounced check stays in its month, marked.
    const may = (await list(`/api/payments?${filter({ receivedIn: '2025-05' })}&sort=${encodeURIComponent('["amount","ASC"]')}`)).rows;
    expect(may).toEqual([
      expect.objectContaining({
        id: bouncedCheck.id,
        accountId: accounts[2],
        date: '2025-05-05',
        amount: 1_200,
        method: 'check',
        reference: '2211',
        reversed: true,
        reversedByTransactionId: bouncedCheck.voidId,
        reversedOn: '2025-05-20',
      }),
      expect.objectContaining({
        accountId: accounts[1],
        amount: 2_000,
        method: 'check',
        reference: '1045',
        reversed: false,
        reversedOn: null,
      }),
      expect.objectContaining({ accountId: accounts[0], amount: 15_000, method: 'cash', reference: null, reversed: false }),
    ]);
    // Each row is its ledger row: the same amount with tax, and the account's own name.
    for (const p of may as { id: number; accountId: number; accountName: string; amount: number }[]) {
      const ledger = (await world.w.transactions(p.accountId)).find((t) => t.id === p.id);
      expect(ledger?.total).toBe(p.amount);
      const account = (await world.w.get(`/api/accounts/${p.accountId}`).expect(200)).body as { name: string };
      expect(p.accountName).toBe(account.name);
    }

    // Today's autopay charge is the one card payment; a1 paid once, in cash.
    const card = (await list(`/api/payments?${filter({ method: 'card' })}`)).rows as { date: string; amount: number; method: string }[];
    expect(card.map((p) => ({ date: p.date, amount: p.amount, method: p.method }))).toEqual([
      { date: TODAY, amount: 4_321, method: 'card' },
    ]);
    const a1 = (await list(`/api/payments?${filter({ accountId: accounts[0] })}`)).rows as { amount: number }[];
    expect(a1.map((p) => p.amount)).toEqual([15_000]);
    const byAmount = (await list(`/api/payments?sort=${encodeURIComponent('["amount","DESC"]')}&${everything}`)).rows as {
      amount: number;
    }[];
    expect(byAmount.map((p) => p.amount)).toEqual([...byAmount.map((p) => p.amount)].sort((x, y) => y - x));
  });

  it('shows the last bill run as its own page does, and the next one as a preview of that day', async () => {
    const figures = await dashboard();
    const run = (await world.w.get(`/api/bill-runs/${lastRunId}`).expect(200)).body;
    expect(figures.lastBillRun).toEqual({
      id: run.id,
      runDate: '2025-06-01',
      status: run.status,
      accounts: run.accounts,
      plannedAccounts: run.plannedAccounts,
      invoices: run.invoices,
      invoicedTotal: run.invoicedTotal,
      failures: run.failures,
      parked: run.parked,
    });
    expect(run.invoices).toBeGreaterThan(0);
    const preview = (await world.w.post('/api/bill-runs/preview', { date: TODAY }).expect(200)).body as unknown[];
    expect(preview.length).toBeGreaterThan(0);
    const next = (await world.w.get('/api/dashboard/next-bill-run').expect(200)).body;
    expect(next).toEqual({ runDate: TODAY, dueAccounts: preview.length });
  });

  it("sums today's autopay charges and declines as the run's page lists them", async () => {
    const figures = await dashboard();
    const runs = (await world.w.get('/api/autopay-runs').expect(200)).body as { id: number; runDate: string }[];
    const run = (await world.w.get(`/api/autopay-runs/${runs.find((r) => r.runDate === TODAY)?.id}`).expect(200)).body as {
      id: number;
      attemptList: { status: string; amount: number; reason: string | null }[];
    };
    const charged = run.attemptList.filter((a) => a.status === 'succeeded' || a.status === 'processing');
    const declined = run.attemptList.filter((a) => a.status === 'failed');
    expect(figures.autopayToday).toMatchObject({
      date: TODAY,
      runId: run.id,
      charged: charged.length,
      chargedTotal: charged.reduce((sum, a) => sum + a.amount, 0),
      declined: declined.length,
      declinedTotal: declined.reduce((sum, a) => sum + a.amount, 0),
      declines: [{ reason: declined[0].reason, attempts: 2, amount: 8_642 }],
    });
    expect([charged.length, declined.length]).toEqual([1, 2]);
  });

  it('counts only the late fees charged this month, as the ledgers show them', async () => {
    const figures = await dashboard();
    const fees: { date: string; total: number }[] = [];
    for (const a of accounts) {
      for (const t of (await world.w.transactions(a)) as { description: string; total: number; date?: string }[]) {
        if (t.description.startsWith('Late fee on')) fees.push({ date: String(t.date), total: t.total });
      }
    }
    expect(fees.length).toBe(2);
    const june = fees.filter((f) => f.date >= '2025-06-01');
    expect(figures.lateFees).toEqual({
      from: '2025-06-01',
      to: TODAY,
      count: june.length,
      total: june.reduce((sum, f) => sum + f.total, 0),
    });
    expect(figures.lateFees.count).toBe(1);
  });

  it('opens the late fees this month on the fees charged from its first day through today, which sum to it', async () => {
    const figures = await dashboard();
    const listed = await list(
      `/api/late-fees?${filter({ chargedFrom: figures.lateFees.from, chargedTo: figures.lateFees.to })}&${everything}`,
    );
    const rows = listed.rows as { amount: number }[];
    expect({ count: listed.total, total: rows.reduce((sum, f) => sum + f.amount, 0) }).toEqual({
      count: figures.lateFees.count,
      total: figures.lateFees.total,
    });
    // a4's fee: 5.00 fixed, no tax, for the invoice the June bill run made.
    const invoice = (await world.w.get(`/api/invoices/${juneFee.invoiceId}`).expect(200)).body as { number: string; accountId: number };
    expect(invoice.accountId).toBe(accounts[3]);
    expect(listed.rows).toEqual([
      {
        id: juneFee.id,
        accountId: accounts[3],
        accountName: expect.any(String),
        date: '2025-06-17',
        amount: 500,
        invoiceId: juneFee.invoiceId,
        invoiceNumber: invoice.number,
        reversed: false,
        reversedByTransactionId: null,
        reversedOn: null,
      },
    ]);

    // Unfiltered, the list holds every fee the ledgers show; an open end and the account narrow it.
    const fees: { id: number; total: number }[] = [];
    for (const a of accounts) {
      for (const t of (await world.w.transactions(a)) as { id: number; description: string; total: number }[]) {
        if (t.description.startsWith('Late fee on')) fees.push({ id: t.id, total: t.total });
      }
    }
    const all = (await list(`/api/late-fees?${everything}`)).rows as { id: number; amount: number; date: string; accountId: number }[];
    expect(all.map((f) => ({ id: f.id, total: f.amount })).sort((x, y) => x.id - y.id)).toEqual(fees.sort((x, y) => x.id - y.id));
    // March's fee was waived, and stays in the list on the day it was charged, marked.
    const march = (await list(`/api/late-fees?${filter({ chargedTo: '2025-05-31' })}`)).rows;
    expect(march).toEqual([
      expect.objectContaining({
        id: marchFee.id,
        accountId: accounts[4],
        date: '2025-03-23',
        amount: 500,
        reversed: true,
        reversedByTransactionId: marchFee.reversalId,
        reversedOn: '2025-03-25',
      }),
    ]);
    const a5 = (await list(`/api/late-fees?${filter({ accountId: accounts[4] })}`)).rows as { date: string }[];
    expect(a5.map((f) => f.date)).toEqual(['2025-03-23']);
  });

  it('counts queued and rejected email as the email list filtered by status does', async () => {
    const figures = await dashboard();
    const queued = await list(`/api/emails?${filter({ status: 'queued' })}`);
    const rejected = await list(`/api/emails?${filter({ status: 'rejected' })}`);
    expect(figures.emails).toEqual({ queued: queued.total, rejected: rejected.total });
    let perAccountRejected = 0;
    for (const a of accounts) perAccountRejected += (await list(`/api/accounts/${a}/emails?${filter({ status: 'rejected' })}`)).total;
    expect(figures.emails.rejected).toBe(perAccountRejected);
    expect(figures.emails).toEqual({ queued: 1, rejected: 2 });
  });

  it('is closed to those without billing.read and to anyone not signed in', async () => {
    const reader = await world.sut.userWith([Permission.AccountsRead, Permission.CorrespondenceRead]);
    const billing = await world.sut.userWith([Permission.BillingRead]);
    for (const path of ['/api/dashboard', '/api/dashboard/next-bill-run', '/api/payments', '/api/late-fees']) {
      const refused = await world.sut.http().get(path).set('Authorization', `Bearer ${reader.token}`);
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expect({ path, status: (await world.sut.http().get(path)).status }).toEqual({ path, status: 401 });
      const allowed = await world.sut.http().get(path).set('Authorization', `Bearer ${billing.token}`);
      expect({ path, status: allowed.status }).toEqual({ path, status: 200 });
    }
    const allowed = await world.sut.http().get('/api/dashboard').set('Authorization', `Bearer ${billing.token}`);
    expect(allowed.body.today).toBe(TODAY);
  });

  it('refuses an unknown aging bucket, a non-boolean delinquent filter or a month that is not YYYY-MM with a 400 naming the field', async () => {
    const bucket = await world.w.get(`/api/invoices?${filter({ agingBucket: '120+' })}`).expect(400);
    expect(JSON.stringify(bucket.body)).toContain('agingBucket');
    const delinquent = await world.w.get(`/api/accounts?${filter({ delinquent: 'maybe' })}`).expect(400);
    expect(JSON.stringify(delinquent.body)).toContain('delinquent');
    const month = await world.w.get(`/api/invoices?${filter({ invoicedIn: '2025-13' })}`).expect(400);
    expect(JSON.stringify(month.body)).toContain('invoicedIn must be a month as YYYY-MM');
  });

  it('refuses a bad month, method, day or span on the payment and late-fee lists with a 400 naming the field', async () => {
    const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);
    for (const [path, field] of [
      [`/api/payments?${filter({ receivedIn: '2025-13' })}`, 'filter.receivedIn'],
      [`/api/payments?${filter({ receivedIn: '2025-6' })}`, 'filter.receivedIn'],
      [`/api/payments?${filter({ method: 'bitcoin' })}`, 'filter.method'],
      [`/api/payments?sort=${encodeURIComponent('["account","ASC"]')}`, 'sort'],
      [`/api/late-fees?${filter({ chargedFrom: '2025-02-30' })}`, 'filter.chargedFrom'],
      [`/api/late-fees?${filter({ chargedTo: 'today' })}`, 'filter.chargedTo'],
      [`/api/late-fees?${filter({ chargedFrom: '2025-06-20', chargedTo: '2025-06-01' })}`, 'filter.chargedTo'],
    ] as const) {
      const res = await world.w.get(path);
      expect({ path, status: res.status, fields: fieldsOf(res.body) }).toEqual({ path, status: 400, fields: [field] });
    }
  });
});
