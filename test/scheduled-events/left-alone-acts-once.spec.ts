import type { Client } from '@temporalio/client';
import { searchAttributes, workflowIds } from '../../workflows/shared';
import type { BillingWorld } from '../billing/billing-world';
import { auditEntries } from '../contacts/account-fixture';
import type { TestApp } from '../support/test-app';
import { inSeconds, lines, schedule, scheduledEventsApp, waitForState } from './scheduled-events-world';

describe('a scheduled event left alone', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ sut, w, client, close } = await scheduledEventsApp());
  });
  afterAll(async () => {
    await close();
  });

  it('adds the service once at its time, through billing, with its audit entries', async () => {
    await w.today('2026-03-11');
    const account = await w.account();
    const service = await w.service(3000);

    const created = await schedule(w, account, { kind: 'add_service', serviceId: service, runAt: inSeconds(5) });
    expect(created).toMatchObject({ accountId: account, kind: 'add_service', state: 'scheduled', revision: 1 });
    expect(created.workflowId).toBe(workflowIds.scheduledEvent(created.id));
    expect(created.summary).toMatch(/^Add Service /);

    // Ops find it by account in the Temporal UI, and read what it does from its memo.
    const handle = client.workflow.getHandle(created.workflowId);
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(searchAttributes.accountId)).toBe(account);
    expect(described.memo).toMatchObject({ account, kind: 'add_service', summary: created.summary });

    // Nothing before its time; then its own timer, not a request, makes it act.
    expect(await lines(w, account)).toEqual([]);
    const done = await waitForState(w, created.id, 'done');
    expect(await handle.result()).toEqual({ outcome: 'done' });
    expect((await handle.fetchHistory()).events?.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);

    const onAccount = await lines(w, account);
    expect(onAccount).toHaveLength(1);
    expect(onAccount[0]).toMatchObject({ serviceId: service, quantity: 1, addedOn: '2026-03-11', removedOn: null });
    // Prorated per the account's settings: 21 of March's 31 days of 30.00.
    const debits = (await w.transactions(account)).filter((t) => t.kind === 'debit');
    expect(debits.map((t) => t.amount)).toEqual([2032]);

    const entries = await auditEntries(sut.db, created.workflowId);
    expect(entries.map((e) => e.action)).toEqual(['account_service.add', 'scheduled_event.perform']);
    expect(entries[1]).toMatchObject({
      entityType: 'scheduled_event',
      entityId: String(created.id),
      accountId: account,
      after: { state: 'done', accountServiceId: onAccount[0].id },
    });
    expect(done.actedAt).not.toBeNull();

    // A second delivery of the same work (a retried activity) finds it done and changes nothing.
    const again = await client.workflow.execute('scheduledEventWorkflow', {
      taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      workflowId: `${created.workflowId}-replayed`,
      args: [{ eventId: created.id, accountId: account, runAt: created.runAt, revision: created.revision }],
    });
    expect(again).toEqual({ outcome: 'done' });
    expect(await lines(w, account)).toHaveLength(1);
    expect((await w.transactions(account)).filter((t) => t.kind === 'debit')).toHaveLength(1);
    await w.expectBooksBalance([account]);
  });
});
