import type { Client } from '@temporalio/client';
import { Permission } from '../../src/auth/permission';
import type { BillingWorld } from '../billing/billing-world';
import { auditEntries } from '../contacts/account-fixture';
import type { TestApp } from '../support/test-app';
import { event, inHours, inSeconds, lines, passed, performNow, schedule, scheduledEventsApp } from './scheduled-events-world';

describe('performing a scheduled event now', () => {
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

  /** What was recorded about the event itself, and whether a person (not its workflow) did it. */
  const requests = async (id: number): Promise<[string, boolean][]> =>
    (
      await sut.db.query(
        "SELECT action, actor_email FROM action_history WHERE entity_type = 'scheduled_event' AND entity_id = ? ORDER BY id",
        [String(id)],
      )
    ).map((r: { action: string; actor_email: string | null }) => [r.action, r.actor_email !== null]);

  it('acts at once, once, however often and however quickly it is asked', async () => {
    const account = await w.account();
    const service = await w.service(1200);
    const created = await schedule(w, account, { kind: 'add_service', serviceId: service, runAt: inHours(72) });

    const done = (await performNow(w, created.id).expect(200)).body;
    expect(done).toMatchObject({ id: created.id, state: 'done', revision: 1 });
    expect(done.actedAt).not.toBeNull();
    expect(await client.workflow.getHandle(created.workflowId).result()).toEqual({ outcome: 'done' });

    const again = await performNow(w, created.id).expect(409);
    expect(again.body).toMatchObject({
      code: 'event_closed',
      message: 'This scheduled event is already done, so it cannot be performed now',
    });
    expect(await lines(w, account)).toHaveLength(1);
    expect((await auditEntries(sut.db, created.workflowId)).map((e) => e.action)).toEqual([
      'account_service.add',
      'scheduled_event.perform',
    ]);
    expect(await requests(created.id)).toEqual([
      ['scheduled_event.create', true],
      ['scheduled_event.perform_now', true],
      ['scheduled_event.perform', false],
    ]);

    // Two clerks pressing the button together: both are answered without error, and it acts once.
    const other = await w.account();
    const both = await schedule(w, other, { kind: 'add_service', serviceId: service, runAt: inHours(72) });
    const answers = await Promise.all([performNow(w, both.id), performNow(w, both.id)]);
    expect(answers.map((a) => a.status)).toContain(200);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    expect((await event(w, both.id)).state).toBe('done');
    expect(await lines(w, other)).toHaveLength(1);
    expect((await auditEntries(sut.db, both.workflowId)).filter((e) => e.action === 'scheduled_event.perform')).toHaveLength(1);
    await w.expectBooksBalance([account, other]);
  });

  it('acts once when asked just as its own time comes', async () => {
    const account = await w.account();
    const service = await w.service(800);
    const created = await schedule(w, account, { kind: 'add_service', serviceId: service, runAt: inSeconds(2) });
    await passed(created.runAt);

    // Whichever of the timer and the request gets there first acts; the other finds it done.
    const answer = await performNow(w, created.id);
    expect([200, 409]).toContain(answer.status);
    expect(await client.workflow.getHandle(created.workflowId).result()).toEqual({ outcome: 'done' });
    expect((await event(w, created.id)).state).toBe('done');
    expect(await lines(w, account)).toHaveLength(1);
    expect((await auditEntries(sut.db, created.workflowId)).filter((e) => e.action === 'scheduled_event.perform')).toHaveLength(1);
    await w.expectBooksBalance([account]);
  });

  it('answers 409 for a cancelled event and writes nothing', async () => {
    const account = await w.account();
    const created = await schedule(w, account, { kind: 'add_service', serviceId: await w.service(700), runAt: inHours(24) });
    await w.post(`/api/scheduled-events/${created.id}/cancel`).expect(200);
    const before = await event(w, created.id);

    const refused = await performNow(w, created.id).expect(409);
    expect(refused.body).toMatchObject({
      code: 'event_closed',
      message: 'This scheduled event is already cancelled, so it cannot be performed now',
      details: [{ field: 'state', rule: 'scheduled' }],
    });
    expect(await event(w, created.id)).toEqual(before);
    expect(await lines(w, account)).toEqual([]);
    expect((await requests(created.id)).map(([action]) => action)).toEqual(['scheduled_event.create', 'scheduled_event.cancel']);
    expect(await client.workflow.getHandle(created.workflowId).result()).toEqual({ outcome: 'cancelled' });

    await performNow(w, 999999999).expect(404);
  });

  it('needs the permission to manage billing', async () => {
    const account = await w.account();
    const created = await schedule(w, account, { kind: 'add_service', serviceId: await w.service(600), runAt: inHours(24) });
    const reader = await sut.userWith([Permission.BillingRead]);

    await sut.http().post(`/api/scheduled-events/${created.id}/perform-now`).set('Authorization', `Bearer ${reader.token}`).expect(403);
    await sut.http().post(`/api/scheduled-events/${created.id}/perform-now`).expect(401);
    expect(await event(w, created.id)).toMatchObject({ state: 'scheduled', revision: 1, actedAt: null });
    expect(await lines(w, account)).toEqual([]);
    expect((await requests(created.id)).map(([action]) => action)).toEqual(['scheduled_event.create']);
    expect((await client.workflow.getHandle(created.workflowId).describe()).status.name).toBe('RUNNING');
    await w.post(`/api/scheduled-events/${created.id}/cancel`).expect(200);
  });
});
