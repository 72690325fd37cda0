import type { Client } from '@temporalio/client';
import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { BillingWorld } from '../billing/billing-world';
import type { TestApp } from '../support/test-app';
import { isolatedTemporalApp } from './isolated-temporal-app';

const seq = (number: string | null): number | null => (number === null ? null : Number(/^INV-(\d+)$/.exec(number)?.[1]));

/**
 * A parked invoice is not issued: it holds no number while it waits, invoices issued
 * meanwhile number on without a hole, and releasing it issues it under the next number.
 */
describe('a parked invoice and the invoice numbers', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ sut, client, close } = await isolatedTemporalApp());
    w = await new BillingWorld(sut).init();
  }, 120_000);
  afterAll(async () => {
    await close();
  });

  async function runFor(date: string) {
    const started = await w.post('/api/bill-runs', { date }).expect(202);
    await client.workflow.getHandle(started.body.workflowId).result();
    const runs = (await w.get('/api/bill-runs').expect(200)).body as { id: number; runDate: string }[];
    return (await w.get(`/api/bill-runs/${runs.find((r) => r.runDate === date)!.id}`).expect(200)).body;
  }
  const numbersOf = async (accountId: number): Promise<(number | null)[]> =>
    ((await sut.db.query('SELECT number FROM invoices WHERE account_id = ? ORDER BY id', [accountId])) as { number: string | null }[]).map(
      (r) => seq(r.number),
    );

  it('takes its number only when released', async () => {
    // Dates no other spec bills: a run's workflow id is its date on the Temporal server the whole suite shares.
    await w.today('2023-07-20');
    const basic = await w.service(3000);
    const steady = await w.account({ invoiceDay: 5 });
    const jumping = await w.account({ invoiceDay: 5 });
    for (const id of [steady, jumping]) await w.addService(id, basic, '2023-07-20', { prorate: false });
    await w.today('2023-08-05');
    expect(await runFor('2023-08-05')).toMatchObject({ invoices: 2, parked: 0 });

    await w.today('2023-09-05');
    await w.addService(jumping, await w.service(100_000), '2023-09-05', { prorate: false });
    const may = await runFor('2023-09-05');
    expect(may).toMatchObject({ invoices: 1, parked: 1 });
    const [, steadyMay] = await numbersOf(steady);
    expect(await numbersOf(jumping)).toHaveLength(1);

    // Issued while the other waits: the very next number.
    const one = await w.service(700, { kind: 'one_time' });
    const manual = (await w.post('/api/invoices', { accountId: steady, lines: [{ serviceId: one, price: 700 }] }).expect(201)).body;
    expect(seq(manual.number)).toBe(steadyMay! + 1);

    const released = await w.post(`/api/bill-runs/${may.id}/parked/${jumping}/release`).expect(200);
    const invoice = await w.invoice(released.body.invoiceId);
    expect(seq(invoice.number)).toBe(seq(manual.number)! + 1);

    const report = await sut.app.get(InvariantCheckerService).check('2099-12-31');
    expect(report.mismatches).toEqual([]);
  });
});
