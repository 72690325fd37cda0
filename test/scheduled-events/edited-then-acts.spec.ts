import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { BillingWorld } from '../billing/billing-world';
import { auditEntries } from '../contacts/account-fixture';
import { event, inHours, lines, patch, performNow, schedule, scheduledEventsApp } from './scheduled-events-world';
import type { TestApp } from '../support/test-app';

describe('a scheduled event edited once', () => {
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

  it('acts once, with the edited values, when told to act now', async () => {
    await w.today('2026-04-01');
    const account = await w.account({ prorateServices: false });
    const service = await w.service(1500);
    const created = await schedule(w, account, { kind: 'add_service', serviceId: service, runAt: inHours(24) });
    const editedTime = inHours(48);
    await patch(w, `/api/scheduled-events/${created.id}`, { runAt: editedTime, quantity: 3 }).expect(200);

    // The edit moved the workflow's wait and nothing acted.
    const handle = client.workflow.getHandle(created.workflowId);
    const waiting = await handle.describe();
    expect(waiting.status.name).toBe('RUNNING');
    expect(waiting.memo).toMatchObject({ runAt: new Date(editedTime).toISOString() });
    expect(await lines(w, account)).toEqual([]);
    expect((await event(w, created.id)).state).toBe('scheduled');

    const done = (await performNow(w, created.id).expect(200)).body;
    expect(done).toMatchObject({ state: 'done', revision: 2, quantity: 3 });
    expect(Date.parse(done.actedAt as string)).not.toBeNaN();
    expect(await handle.result()).toEqual({ outcome: 'done' });
    const onAccount = await lines(w, account);
    expect(onAccount).toHaveLength(1);
    expect(onAccount[0]).toMatchObject({ serviceId: service, quantity: 3, addedOn: '2026-04-01' });
    // Added on the first day of the period, before its invoice: that invoice will charge it, nothing is posted now.
    expect(await w.transactions(account)).toEqual([]);
    expect((await auditEntries(sut.db, created.workflowId)).map((e) => e.action)).toEqual([
      'account_service.add',
      'scheduled_event.perform',
    ]);

    const history = await handle.fetchHistory();
    const events = history.events ?? [];
    const updates = events
      .filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)
      .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name);
    expect(updates).toEqual(['reschedule', 'performNow']);
    expect(events.filter((e) => e.activityTaskScheduledEventAttributes)).toHaveLength(1);
    await w.expectBooksBalance([account]);

    if (process.env.RECORD_HISTORIES) {
      writeFileSync(join(__dirname, '../workflows/histories/scheduled-event-edited-then-performed-now.json'), historyToJSON(history));
    }
  });
});
