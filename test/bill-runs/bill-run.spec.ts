import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { workflowIds } from '../../workflows/shared';
import { BillingWorld } from '../billing/billing-world';
import type { TestApp } from '../support/test-app';
import { isolatedTemporalApp } from './isolated-temporal-app';

/**
 * A bill run through Temporal on a database of its own (a run bills every due
 * account it finds, so it must not meet other suites' accounts).
 */
describe('bill run for a date', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // Two accounts per batch, so three due accounts make two slices run side by side.
    ({ sut, client, close } = await isolatedTemporalApp({ BILL_RUN_BATCH_SIZE: '2' }));
    w = await new BillingWorld(sut).init();
  });
  afterAll(async () => {
    await close();
  });

  it('invoices every due account once, links children, and a second start creates nothing', async () => {
    await w.today('2026-03-20');
    const service = await w.service(3000);
    const dueOn5th = await Promise.all([1, 2, 3].map(() => w.account({ invoiceDay: 5 })));
    const dueOn6th = await w.account({ invoiceDay: 6 });
    const idle = await w.account({ invoiceDay: 5 }); // nothing to bill
    for (const id of [...dueOn5th, dueOn6th]) await w.addService(id, service, '2026-03-20', { prorate: false });
    await w.post(`/api/accounts/${dueOn5th[0]}/child-accounts`, { childAccountId: dueOn5th[2] }).expect(201);

    await w.today('2026-04-05');
    const first = await w.post('/api/bill-runs', { date: '2026-04-05' }).expect(202);
    expect(first.body).toEqual({ workflowId: workflowIds.billRun('2026-04-05'), started: true });
    const handle = client.workflow.getHandle(first.body.workflowId);
    const result = await handle.result();
    expect(result).toMatchObject({ accounts: 3, invoices: 3, invoicedTotal: 9000, failures: 0, parked: 0, plannedAccounts: 3, done: true });
    expect(result.batches).toBe(2);
    // The cents stay integers; the words beside them are what a person reads in the Temporal UI.
    expect(result.invoicedTotalText).toBe('90.00 USD');
    expect(result.summary).toBe('Bill run for 5 Apr 2026: 3 accounts billed, 3 invoices totalling 90.00 USD, 0 parked, 0 failures.');
    const described = await handle.describe();
    expect(described.memo).toMatchObject({ summary: result.summary, description: 'Bill run for 5 Apr 2026' });

    const again = await w.post('/api/bill-runs', { date: '2026-04-05' }).expect(202);
    expect(again.body.started).toBe(false);
    const [{ n }] = await sut.db.query("SELECT COUNT(*) AS n FROM invoices WHERE generated_for = '2026-04-05'");
    expect(Number(n)).toBe(3);
    const [{ m }] = await sut.db.query('SELECT COUNT(*) AS m FROM invoices WHERE account_id IN (?, ?)', [dueOn6th, idle]);
    expect(Number(m)).toBe(0);

    const child = (await w.get(`/api/invoices?filter=${encodeURIComponent(JSON.stringify({ accountId: dueOn5th[2] }))}`).expect(200))
      .body[0];
    const parent = (await w.get(`/api/invoices?filter=${encodeURIComponent(JSON.stringify({ accountId: dueOn5th[0] }))}`).expect(200))
      .body[0];
    expect(child.parentInvoiceId).toBe(parent.id);

    const runs = (await w.get('/api/bill-runs').expect(200)).body;
    expect(runs[0]).toMatchObject({
      runDate: '2026-04-05',
      status: 'completed',
      accounts: 3,
      invoices: 3,
      invoicedTotal: 9000,
      failures: 0,
      parked: 0,
      plannedAccounts: 3,
    });
    await w.expectBooksBalance([...dueOn5th, dueOn6th, idle]);

    if (process.env.RECORD_HISTORIES) {
      const history = await handle.fetchHistory();
      writeFileSync(join(__dirname, '../workflows/histories/bill-run-2026-04-05.json'), historyToJSON(history));
    }
  });

  it('refuses a date that is not a date', async () => {
    const res = await w.post('/api/bill-runs', { date: '2026-02-30' }).expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'date' });
  });
});
