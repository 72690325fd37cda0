import { randomUUID } from 'node:crypto';
import { workflowIds } from '../../workflows/shared';
import { ScheduledEventPerformer } from '../../src/scheduled-events/scheduled-event-performer';
import { EMPTY_FIELDS } from '../../src/scheduled-events/scheduled-event-kinds';
import { ScheduledEventRows } from '../../src/scheduled-events/scheduled-event-rows';
import { BillingWorld } from '../billing/billing-world';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The API starts an event's workflow before committing its row, so a workflow due
 * at once can wake first. Its activity must wait for that commit, not miss the row.
 */
describe('carrying out an event whose creation is still committing', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(async () => {
    await sut.close();
  });

  async function insertUncommitted(accountId: number, statusId: number) {
    const runner = sut.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction('READ COMMITTED');
    const id = await sut.app
      .get(ScheduledEventRows)
      .insert(
        runner.manager,
        { accountId, kind: 'change_status', runAt: new Date(), createdBy: null, fields: { ...EMPTY_FIELDS, accountStatusId: statusId } },
        workflowIds.scheduledEvent,
      );
    return { id, runner };
  }

  const settled = (promise: Promise<unknown>) =>
    Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 300))]);

  it('waits for the commit and then acts, or finds nothing once it is rolled back', async () => {
    const account = await w.account();
    const status = await w.post('/api/account-statuses', { name: `Paused ${randomUUID().slice(0, 6)}` }).expect(201);
    const performer = sut.app.get(ScheduledEventPerformer);

    const committed = await insertUncommitted(account, status.body.id);
    const acting = performer.perform(committed.id, 1);
    expect(await settled(acting)).toBe(false);
    await committed.runner.commitTransaction();
    await committed.runner.release();
    await expect(acting).resolves.toEqual({ outcome: 'done' });
    const [row] = await sut.db.query('SELECT account_status_id FROM accounts WHERE id = ?', [account]);
    expect(Number(row.account_status_id)).toBe(status.body.id);

    const rolledBack = await insertUncommitted(account, status.body.id);
    const missing = performer.perform(rolledBack.id, 1);
    expect(await settled(missing)).toBe(false);
    await rolledBack.runner.rollbackTransaction();
    await rolledBack.runner.release();
    await expect(missing).resolves.toEqual({ outcome: 'missing' });
  });
});
