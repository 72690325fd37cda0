import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { AutopayRunsService } from '../../src/autopay/autopay-runs.service';
import { BillRunsService } from '../../src/bill-runs/bill-runs.service';
import { NightlyRunsService } from '../../src/nightly/nightly-runs.service';
import { workflowIds } from '../../workflows/shared';
import { BillingWorld } from '../billing/billing-world';
import { isolatedTemporalApp } from '../bill-runs/isolated-temporal-app';
import type { TestApp } from '../support/test-app';

/** Temporal's list is eventually consistent: asks again until `ready` holds, for at most 15 seconds. */
async function listUntil(client: Client, query: string, ready: (found: WorkflowExecutionInfo[]) => boolean) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found: WorkflowExecutionInfo[] = [];
    for await (const execution of client.workflow.list({ query })) found.push(execution);
    if (ready(found) || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * What an operator sees in the Temporal UI: a date's processes found with the plain
 * query `BillingDay = '2024-02-29'`, and every process described in words by its memo.
 */
describe('the processes of a billing date in the Temporal UI', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ sut, client, close } = await isolatedTemporalApp());
    w = await new BillingWorld(sut).init();
    await w.today('2027-01-02');
  });
  afterAll(() => close());

  it('finds the bill run of a date by exact equality on BillingDay, and not under another date', async () => {
    const { workflowId } = await sut.app.get(BillRunsService).start('2024-02-29');
    await client.workflow.getHandle(workflowId).result();

    const sameDay = await listUntil(client, "BillingDay = '2024-02-29'", (found) => found.some((e) => e.workflowId === workflowId));
    expect(sameDay.map((e) => e.workflowId)).toContain(workflowIds.billRun('2024-02-29'));
    const match = sameDay.find((e) => e.workflowId === workflowId);
    expect(match?.typedSearchAttributes.getAll().find((pair) => pair.key.name === 'BillingDay')?.value).toBe('2024-02-29');

    const otherDay = await listUntil(client, "BillingDay = '2027-01-02'", () => true);
    expect(otherDay.map((e) => e.workflowId)).not.toContain(workflowId);
  });

  it('describes in words every workflow that a bill run, an autopay run and a night start', async () => {
    const autopay = await sut.app.get(AutopayRunsService).start('2024-02-29');
    const night = await sut.app.get(NightlyRunsService).start('nightly', '2024-02-29');
    expect(autopay.started).toBe(true);
    expect(night.started).toBe(true);
    await client.workflow.getHandle(autopay.workflowId).result();
    await client.workflow.getHandle(night.workflowId).result();

    const query = `TaskQueue = '${sut.config.TEMPORAL_TASK_QUEUE}'`;
    const expected = [
      workflowIds.billRun('2024-02-29'),
      workflowIds.autopayRun('2024-02-29'),
      workflowIds.nightly('2024-02-29'),
      workflowIds.delinquencyRun('2024-02-29'),
    ];
    const listed = await listUntil(client, query, (found) => expected.every((id) => found.some((e) => e.workflowId === id)));
    expect(listed.map((e) => e.workflowId)).toEqual(expect.arrayContaining(expected));
    const described = Object.fromEntries(listed.map((e) => [e.workflowId, e.memo?.description]));
    for (const execution of listed) {
      expect({ id: execution.workflowId, description: typeof described[execution.workflowId] }).toEqual({
        id: execution.workflowId,
        description: 'string',
      });
      expect(String(described[execution.workflowId]).trim()).not.toBe('');
    }
    expect(described[workflowIds.billRun('2024-02-29')]).toBe('Bill run for 29 Feb 2024');
    expect(described[workflowIds.autopayRun('2024-02-29')]).toBe('Autopay for 29 Feb 2024');
    expect(described[workflowIds.nightly('2024-02-29')]).toBe('The night of 29 Feb 2024, started by hand');
    expect(described[workflowIds.delinquencyRun('2024-02-29')]).toBe('Delinquency for 29 Feb 2024, started by the night of 29 Feb 2024');
  });
});
