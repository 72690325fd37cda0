import { randomUUID } from 'node:crypto';
import type { BillingWorld } from '../billing/billing-world';
import { auditEntries } from '../contacts/account-fixture';
import type { TestApp } from '../support/test-app';
import { event, inHours, performNow, schedule, scheduledEventsApp } from './scheduled-events-world';

describe('a scheduled status change', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ sut, w, close } = await scheduledEventsApp());
  });
  afterAll(async () => {
    await close();
  });

  it('gives the account its new status when it acts, in its history', async () => {
    const account = await w.account();
    const name = `Suspended ${randomUUID().slice(0, 6)}`;
    const status = await w
      .post('/api/account-statuses', { name, countsAsActive: false, isDelinquency: false, color: '#aa0000' })
      .expect(201);
    const [{ account_status_id: previous }] = await sut.db.query('SELECT account_status_id FROM accounts WHERE id = ?', [account]);

    const change = await schedule(w, account, { kind: 'change_status', accountStatusId: status.body.id, runAt: inHours(1) });
    expect(change.summary).toBe(`Change status to ${name}`);
    // Untouched until it acts.
    expect((await w.get(`/api/accounts/${account}`).expect(200)).body.accountStatusId).not.toBe(status.body.id);
    await performNow(w, change.id).expect(200);
    expect((await event(w, change.id)).state).toBe('done');

    const shown = (await w.get(`/api/accounts/${account}`).expect(200)).body;
    expect(shown.accountStatusId).toBe(status.body.id);
    const entries = await auditEntries(sut.db, change.workflowId);
    expect(entries.map((e) => [e.action, e.entityType])).toEqual([
      ['update', 'account'],
      ['scheduled_event.perform', 'scheduled_event'],
    ]);
    expect(entries[0]).toMatchObject({ before: { accountStatusId: Number(previous) }, after: { accountStatusId: status.body.id } });
  });
});
