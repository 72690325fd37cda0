import type { Client } from '@temporalio/client';
import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { BillingWorld } from '../billing/billing-world';
import { leaveBooksCorrupt } from '../support/books-watch';
import { addContact, billingCategoryId, queuedEmails } from '../correspondence-templates/correspondence-fixture';
import type { TestApp } from '../support/test-app';
import { isolatedTemporalApp } from './isolated-temporal-app';

/**
 * A bill run fails closed: an invoice that breaks a safety bound is not written,
 * the account is listed on the run, and a person releases or dismisses it.
 */
describe('bill run safety bounds', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ sut, client, close } = await isolatedTemporalApp());
    w = await new BillingWorld(sut).init();
  });
  afterAll(async () => {
    await close();
  });

  async function runFor(date: string, body: object = {}) {
    const started = await w.post('/api/bill-runs', { date, ...body }).expect(202);
    await client.workflow.getHandle(started.body.workflowId).result();
    const runs = (await w.get('/api/bill-runs').expect(200)).body as { id: number; runDate: string }[];
    const run = runs.find((r) => r.runDate === date);
    if (!run) throw new Error(`no bill run listed for ${date}`);
    return (await w.get(`/api/bill-runs/${run.id}`).expect(200)).body;
  }

  async function invoicesOn(accountId: number, date: string): Promise<{ id: number; total: number }[]> {
    return sut.db.query('SELECT id, total FROM invoices WHERE account_id = ? AND generated_for = ?', [accountId, date]);
  }

  it('parks a bill far above the usual one, invoices the rest, and a release invoices it as computed', async () => {
    await w.today('2025-03-20');
    const basic = await w.service(3000);
    const steady = await w.account({ invoiceDay: 5 });
    const jumping = await w.account({ invoiceDay: 5 });
    for (const id of [steady, jumping]) await w.addService(id, basic, '2025-03-20', { prorate: false });
    await w.today('2025-04-05');
    const april = await runFor('2025-04-05');
    expect(april).toMatchObject({ invoices: 2, parked: 0, parkedList: [] });

    // The account gets its invoices by email from now on (the default setting), through one billing contact.
    const contact = await addContact(w, jumping, { email: `parked-${jumping}@example.com`, categoryIds: [await billingCategoryId(sut)] });

    // A 1,000.00 plan added for the next period: 1,030.00 against a usual 30.00.
    await w.today('2025-05-05');
    await w.addService(jumping, await w.service(100_000), '2025-05-05', { prorate: false });
    const may = await runFor('2025-05-05');
    expect(may).toMatchObject({ accounts: 2, invoices: 1, parked: 1, failures: 0 });
    expect(may.parkedList).toEqual([
      expect.objectContaining({ accountId: jumping, rule: 'spike', total: 103_000, usualTotal: 3000, status: 'parked', invoiceId: null }),
    ]);
    expect(await invoicesOn(jumping, '2025-05-05')).toEqual([]);
    const [row] = await sut.db.query('SELECT COUNT(*) AS n FROM transactions WHERE account_id = ? AND transaction_date = ?', [
      jumping,
      '2025-05-05',
    ]);
    expect(Number(row.n)).toBe(0); // nothing written for the parked account, not even its charges

    // Only someone who may manage billing releases it.
    const reader = await sut.userWith(['billing.read' as never]);
    await sut.http().post(`/api/bill-runs/${may.id}/parked/${jumping}/release`).auth(reader.token, { type: 'bearer' }).expect(403);

    const released = await w.post(`/api/bill-runs/${may.id}/parked/${jumping}/release`).expect(200);
    expect(released.body).toMatchObject({ status: 'released', accountId: jumping });
    const [invoice] = await invoicesOn(jumping, '2025-05-05');
    expect(Number(invoice.total)).toBe(103_000);
    expect(released.body.invoiceId).toBe(Number(invoice.id));
    // Mailed as the run would have: one email of the released invoice, none while it was parked.
    const mailed = await queuedEmails(sut, jumping);
    expect(mailed.map((e) => e.dedupeKey)).toEqual([`invoice-${invoice.id}-contact-${contact.id}`]);
    const twice = await w.post(`/api/bill-runs/${may.id}/parked/${jumping}/release`).expect(409);
    expect(twice.body.code).toBe('parked_account_resolved');
    const audit = await sut.db.query("SELECT action FROM action_history WHERE account_id = ? AND action LIKE 'bill_run.parked.%'", [
      jumping,
    ]);
    expect(audit).toEqual([{ action: 'bill_run.parked.release' }]);
    await w.expectBooksBalance([steady, jumping]);
  });

  it('parks a charge for days already charged, and a dismissal leaves the account uninvoiced', async () => {
    await w.today('2025-06-10');
    const basic = await w.service(3100);
    const account = await w.account({ invoiceDay: 12 });
    await w.addService(account, basic, '2025-06-10', { prorate: false });
    await w.today('2025-06-12');
    expect(await runFor('2025-06-12')).toMatchObject({ invoices: 1, parked: 0 });

    // Damage as a faulty import might leave it: the service forgets it was charged through 2025-07-11.
    // The damage is the point of this test, so the after-test books check leaves this account to the assertions below.
    leaveBooksCorrupt(sut, [account]);
    await sut.db.query('UPDATE account_services SET charged_through = NULL WHERE account_id = ?', [account]);
    await w.put(`/api/accounts/${account}/billing-config`, { invoiceDay: 20 }).expect(200);
    await w.today('2025-06-20');
    const run = await runFor('2025-06-20');
    expect(run).toMatchObject({ invoices: 0, parked: 1 });
    expect(run.parkedList[0]).toMatchObject({ accountId: account, rule: 'unexplained_charges', total: 3100 });
    expect(run.parkedList[0].reason).toMatch(/already charged/);

    const dismissed = await w.post(`/api/bill-runs/${run.id}/parked/${account}/dismiss`).expect(200);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', invoiceId: null });
    expect(await invoicesOn(account, '2025-06-20')).toEqual([]);
    // Nothing was charged twice, and the books checker still points at the damage: a charge past what the service says it was charged through.
    const books = await sut.app.get(InvariantCheckerService).check('2099-12-31', [account]);
    expect(books.mismatches).toEqual([
      expect.objectContaining({
        check: 'service.coverage',
        accountId: account,
        expected: '2025-06-12 to 2025-07-11 charged 0 time(s)',
        actual: 'charged 1 time(s)',
      }),
    ]);
  });

  it('takes a run its own spike percentage, and refuses one that would park every ordinary bill', async () => {
    const res = await w.post('/api/bill-runs', { date: '2025-07-05', spikePercent: 50 }).expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'spikePercent' });
    const [{ n }] = await sut.db.query("SELECT COUNT(*) AS n FROM bill_runs WHERE run_date = '2025-07-05'");
    expect(Number(n)).toBe(0);
  });
});
