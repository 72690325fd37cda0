import type { Client } from '@temporalio/client';
import { Permission } from '../../src/auth/permission';
import { workflowIds } from '../../workflows/shared';
import { isolatedTemporalApp } from '../bill-runs/isolated-temporal-app';
import { DelinquencyWorld } from '../delinquency/delinquency-world';
import type { TestApp } from '../support/test-app';

/**
 * Starting the night or delinquency of a date from the API: one workflow per date
 * and step, with its deterministic id, however many times and however quickly it
 * is asked for; each real start is in the action history.
 */
describe('nightly processes started by hand', () => {
  let sut: TestApp;
  let w: DelinquencyWorld;
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ sut, client, close } = await isolatedTemporalApp());
    w = await new DelinquencyWorld(sut).init();
  });
  afterAll(() => close());

  const starts = (action: string) =>
    sut.db.query('SELECT entity_id, actor_user_id, after_state FROM action_history WHERE action = ? ORDER BY id', [action]);

  it('starts delinquency for a date once, however often it is asked, and runs it', async () => {
    const lateFeeServiceId = await w.lateFeeService();
    const { accountId, invoice } = await w.overdueAccount(4000, { lateFeeServiceId, lateFeeKind: 'fixed', lateFeeAmount: 300 });
    await w.today('2026-03-25');

    // Two clicks at once: Temporal's id reuse policy lets one through.
    const [a, b] = await Promise.all([
      w.post('/api/delinquency-runs', { date: '2026-03-23' }),
      w.post('/api/delinquency-runs', { date: '2026-03-23' }),
    ]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect([a.body.started, b.body.started].sort()).toEqual([false, true]);
    expect(a.body.workflowId).toBe('delinquency-run/2026-03-23');
    const result = await client.workflow.getHandle(workflowIds.delinquencyRun('2026-03-23')).result();
    expect(result).toMatchObject({ invoicesMarked: 1, lateFees: 1, lateFeesTotal: 300 });

    // Once done, the record says so: asking again starts nothing.
    const again = await w.post('/api/delinquency-runs', { date: '2026-03-23' }).expect(202);
    expect(again.body).toEqual({ workflowId: 'delinquency-run/2026-03-23', started: false });
    const fees = await sut.db.query('SELECT COUNT(*) AS n FROM late_fees WHERE invoice_id = ?', [invoice.id]);
    expect(Number(fees[0].n)).toBe(1);
    const audited = await starts('delinquency_run.start');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ entity_id: 'delinquency-run/2026-03-23' });
    const runs = (await w.get('/api/nightly-runs').expect(200)).body;
    expect(runs).toEqual([expect.objectContaining({ step: 'delinquency', runDate: '2026-03-23', status: 'completed' })]);
    await w.expectBooksBalance([accountId]);
  });

  it('starts the night of a date once, visible in Temporal by its id', async () => {
    await w.today('2026-03-25');
    const first = await w.post('/api/nightly-runs', { date: '2026-03-24' }).expect(202);
    expect(first.body).toEqual({ workflowId: 'nightly/2026-03-24', started: true });
    const second = await w.post('/api/nightly-runs', { date: '2026-03-24' }).expect(202);
    expect(second.body).toEqual({ workflowId: 'nightly/2026-03-24', started: false });
    const handle = client.workflow.getHandle(workflowIds.nightly('2026-03-24'));
    expect(await handle.result()).toMatchObject({ date: '2026-03-24', billRunStarted: true, delinquencyStarted: true });
    expect((await handle.describe()).type).toBe('nightlyWorkflow');
    expect((await starts('nightly_run.start')).map((r: { entity_id: string }) => r.entity_id)).toEqual(['nightly/2026-03-24']);
  });

  it('refuses a day that has not come yet, a day that is no day, and a user without the permission', async () => {
    await w.today('2026-03-25');
    const future = await w.post('/api/nightly-runs', { date: '2026-03-26' }).expect(422);
    expect(future.body).toMatchObject({
      code: 'nightly_date_not_yet',
      message: 'The night of 2026-03-26 has not come yet (today is 2026-03-25); nightly processes run for today or an earlier day.',
    });
    for (const [date, rule] of [
      ['2026-02-29', 'date'],
      ['1999-12-31', 'date'],
    ]) {
      const res = await w.post('/api/delinquency-runs', { date }).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'date', rule })]);
    }
    const missing = await w.post('/api/nightly-runs', {}).expect(400);
    expect(missing.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'date' })]));
    const reader = await sut.userWith([Permission.NightlyRead, Permission.BillingRead]);
    await sut.http().post('/api/nightly-runs').auth(reader.token, { type: 'bearer' }).send({ date: '2026-03-20' }).expect(403);
    await sut.http().get('/api/nightly-runs').auth(reader.token, { type: 'bearer' }).expect(200);
    expect(await sut.db.query("SELECT run_date FROM nightly_runs WHERE run_date IN ('2026-03-26', '2026-03-20')")).toEqual([]);
  });
});
