import type { Client } from '@temporalio/client';
import type { BillingWorld } from '../billing/billing-world';
import { auditEntries } from '../contacts/account-fixture';
import type { TestApp } from '../support/test-app';
import { event, inHours, lines, patch, schedule, scheduledEventsApp } from './scheduled-events-world';

describe('a scheduled event edited and then cancelled before its time', () => {
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

  it('never acts, and the workflow history shows the edit and the cancellation', async () => {
    const account = await w.account();
    const service = await w.service(2500);
    const created = await schedule(w, account, { kind: 'add_service', serviceId: service, runAt: inHours(3) });

    const editedTime = inHours(5);
    const edited = await patch(w, `/api/scheduled-events/${created.id}`, { runAt: editedTime, quantity: 2 }).expect(200);
    expect(edited.body).toMatchObject({ state: 'scheduled', revision: 2, quantity: 2, runAt: new Date(editedTime).toISOString() });

    const cancelled = await w.post(`/api/scheduled-events/${created.id}/cancel`).expect(200);
    expect(cancelled.body).toMatchObject({ state: 'cancelled', revision: 2 });
    expect(cancelled.body.cancelledAt).not.toBeNull();

    // The workflow has ended, so no timer is left that could still act.
    const handle = client.workflow.getHandle(created.workflowId);
    expect(await handle.result()).toEqual({ outcome: 'cancelled' });
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    const history = await handle.fetchHistory();
    const updates = (history.events ?? [])
      .filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)
      .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name);
    expect(updates).toEqual(['reschedule', 'cancel']);
    expect((history.events ?? []).some((e) => e.activityTaskScheduledEventAttributes)).toBe(false);

    expect(await lines(w, account)).toEqual([]);
    expect((await event(w, created.id)).state).toBe('cancelled');
    expect((await auditEntries(sut.db, created.workflowId)).map((e) => e.action)).toEqual([]);

    // Closed for good: neither edited nor cancelled again.
    const late = await patch(w, `/api/scheduled-events/${created.id}`, { runAt: inHours(6) }).expect(409);
    expect(late.body).toMatchObject({ code: 'event_closed' });
    await w.post(`/api/scheduled-events/${created.id}/cancel`).expect(409);
    expect((await event(w, created.id)).revision).toBe(2);
    await w.expectBooksBalance([account]);
  });
});
