import { WorkflowFailedError, type Client } from '@temporalio/client';
import type { BillingWorld } from '../billing/billing-world';
import { auditEntries } from '../contacts/account-fixture';
import type { TestApp } from '../support/test-app';
import { event, inHours, lines, performNow, schedule, scheduledEventsApp } from './scheduled-events-world';

describe('a scheduled event whose action is refused when it acts', () => {
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

  it('is marked failed with the reason, once, and does nothing', async () => {
    await w.today('2026-06-10');
    const account = await w.account();
    const line = await w.addService(account, await w.service(4000), '2026-06-10');
    const removal = await schedule(w, account, { kind: 'remove_service', accountServiceId: line.id, runAt: inHours(1) });
    // Someone removes the service by hand in the meantime.
    await w.post(`/api/account-services/${line.id}/remove`, { date: '2026-06-10' }).expect(200);
    const before = await w.transactions(account);

    // Asked to act, it answers with the refusal rather than an error: the event carries it.
    const answered = (await performNow(w, removal.id).expect(200)).body;
    expect(answered).toMatchObject({ state: 'failed' });
    const failed = await event(w, removal.id);
    expect(failed.state).toBe('failed');
    expect(failed.failureReason).toMatch(/already removed on 2026-06-10/);
    const outcome = await client.workflow
      .getHandle(removal.workflowId)
      .result()
      .catch((err: unknown) => err);
    expect(outcome).toBeInstanceOf(WorkflowFailedError);
    expect((outcome as WorkflowFailedError).cause?.message).toMatch(/already removed/);

    expect(await w.transactions(account)).toEqual(before);
    expect((await lines(w, account)).map((l) => l.removedOn)).toEqual(['2026-06-10']);
    const entries = await auditEntries(sut.db, removal.workflowId);
    expect(entries.map((e) => e.action)).toEqual(['scheduled_event.fail']);
    expect(entries[0].after).toMatchObject({ state: 'failed' });
    await w.expectBooksBalance([account]);
  });
});
