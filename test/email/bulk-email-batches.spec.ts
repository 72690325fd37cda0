import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { EmailDeliveryService } from '../../src/email/email-delivery.service';
import { EmailService } from '../../src/email/email.service';
import { searchAttributes } from '../../workflows/shared';
import { workflowBundlePath } from '../support/paths';
import { waitUntil } from '../support/processes';
import { accountWithContact, emailWorld, EmailWorld, settled, someAddress } from './email-world';

const SIZE = 6;

/**
 * Mail the product sends in bulk goes out in batches: one workflow for many emails,
 * each email with its own state, tries and retry pace in its row.
 */
describe('bulk mail in batches', () => {
  describe('with a relay that defers the first message once', () => {
    let world: EmailWorld;
    let connection: Connection;
    let client: Client;

    beforeAll(async () => {
      world = await emailWorld(['defer-451']);
      connection = await Connection.connect({ address: world.sut.config.TEMPORAL_ADDRESS });
      client = new Client({ connection, namespace: world.sut.config.TEMPORAL_NAMESPACE });
    });
    afterAll(async () => {
      await connection.close();
      await world.close();
    });

    it('sends every email of a batch once, retrying only the deferred one, and is found by each of its accounts', async () => {
      const { w, sut, peer } = world;
      const recipients = await Promise.all(Array.from({ length: SIZE }, (_, i) => accountWithContact(sut, someAddress(`bulk-${i}`))));
      const ids = await sut.app.get(EmailService).queue(
        recipients.map(({ accountId, contactId }, i) => ({
          accountId,
          contactId,
          to: someAddress(`bulk-${i}`),
          subject: `Your receipt ${i}`,
          text: 'Thank you for your payment.',
        })),
      );
      expect(ids).toHaveLength(SIZE);

      const sent = await Promise.all(ids.map((id) => settled(w, id)));
      expect(sent.map((e) => e.status)).toEqual(ids.map(() => 'sent'));
      // One try deferred, then sent on its second; every other email on its first.
      expect(sent.map((e) => e.attempts).sort()).toEqual([1, 1, 1, 1, 1, 2]);
      expect(sent.find((e) => e.attempts === 2)?.lastError).toMatch(/^451 /);
      // Each email reached the relay once after it was accepted: six acceptances, six different messages.
      expect(peer.accepted).toHaveLength(SIZE);
      expect(new Set(peer.accepted.map((m) => m.messageId)).size).toBe(SIZE);
      // Seven tries over a pass's few connections (four at most) and the retry's own: not one connection per try.
      expect(peer.answered).toHaveLength(SIZE + 1);
      expect(peer.connections).toBeLessThanOrEqual(5);

      const rows: { batch_id: string; delivery_started_at: Date | null; sending_until: Date | null }[] = await sut.db.query(
        'SELECT batch_id, delivery_started_at, sending_until FROM emails WHERE id IN (?)',
        [ids],
      );
      const batches = [...new Set(rows.map((r) => r.batch_id))];
      expect(batches).toEqual([`email-batch/${Math.min(...ids)}`]);
      expect(rows.every((r) => r.delivery_started_at !== null && r.sending_until === null)).toBe(true);

      const handle = client.workflow.getHandle(batches[0]);
      expect(await handle.result()).toEqual({
        sent: SIZE,
        rejected: 0,
        invalid: 0,
        queued: 0,
        nextTryInMs: null,
        accountIds: recipients.map((r) => r.accountId).sort((a, b) => a - b),
      });
      for (const { accountId } of [recipients[0], recipients[SIZE - 1]]) {
        await waitUntil(`the batch listed for account ${accountId}`, async () => {
          const found = [];
          for await (const run of client.workflow.list({ query: `${searchAttributes.accountIds.name} = '${accountId}'` }))
            found.push(run.workflowId);
          return found.includes(batches[0]);
        });
      }
      const history = await handle.fetchHistory();
      await expect(
        Worker.runReplayHistory({ workflowBundle: { codePath: workflowBundlePath() } }, history, batches[0]),
      ).resolves.toBeUndefined();
    });

    it('lets only one of two passes over the same batch talk to the relay about an email', async () => {
      const { sut, peer } = world;
      const { accountId, contactId } = await accountWithContact(sut, someAddress('overlap'));
      const [id] = await sut.db.transaction((em) =>
        sut.app
          .get(EmailService)
          .queueLocked(em, [{ accountId, contactId, to: someAddress('overlap'), subject: 'Overlap', text: 'Once.' }]),
      );
      // Claimed by a batch as a hand-over would, without a workflow: the two passes below are the only tries.
      await sut.db.query("UPDATE emails SET batch_id = 'email-batch/overlap-test' WHERE id = ?", [id]);
      const before = peer.received.length;
      const delivery = sut.app.get(EmailDeliveryService);
      const retry = { initialSeconds: 1, maxIntervalSeconds: 2, maxAgeHours: 1, smtpTimeoutSeconds: 5 };
      const passes = await Promise.all([0, 1].map(() => delivery.deliverBatch('email-batch/overlap-test', retry, () => undefined)));
      // The pass that took the turn sent it; the other left it alone, and saw it queued or sent depending on when it looked.
      expect(passes.some((p) => p.sent === 1)).toBe(true);
      expect(passes.map((p) => p.sent + p.queued)).toEqual([1, 1]);
      expect(peer.received.length - before).toBe(1);
      const [row] = await sut.db.query('SELECT status, attempts FROM emails WHERE id = ?', [id]);
      expect({ ...row, attempts: Number(row.attempts) }).toEqual({ status: 'sent', attempts: 1 });
    });
  });

  describe('with a relay that drops one connection mid-message and closes another as too busy', () => {
    let world: EmailWorld;

    beforeAll(async () => {
      world = await emailWorld(['accept', 'drop-mid-data', 'accept', 'greet-421']);
    });
    afterAll(() => world.close());

    it('fails only the message on the lost connection; the pass goes on over new ones, and each email is accepted once', async () => {
      const { w, sut, peer } = world;
      const recipients = await Promise.all(Array.from({ length: SIZE }, (_, i) => accountWithContact(sut, someAddress(`lost-${i}`))));
      const ids = await sut.app.get(EmailService).queue(
        recipients.map(({ accountId, contactId }, i) => ({
          accountId,
          contactId,
          to: someAddress(`lost-${i}`),
          subject: `Your statement ${i}`,
          text: 'Your statement is attached.',
        })),
      );
      const sent = await Promise.all(ids.map((id) => settled(w, id)));
      expect(sent.map((e) => e.status)).toEqual(ids.map(() => 'sent'));
      // The two messages whose connections were lost were tried again; the others went on their first try.
      expect(sent.map((e) => e.attempts).sort()).toEqual([1, 1, 1, 1, 2, 2]);
      expect(peer.answered.slice(0, 4)).toEqual(['accept', 'drop-mid-data', 'accept', 'greet-421']);
      expect(peer.accepted).toHaveLength(SIZE);
      expect(new Set(peer.accepted.map((m) => m.messageId)).size).toBe(SIZE);
      const [{ busy }] = await sut.db.query('SELECT COUNT(*) AS busy FROM emails WHERE id IN (?) AND sending_until IS NOT NULL', [ids]);
      expect(Number(busy)).toBe(0);
    });
  });

  describe('with a relay that defers everything', () => {
    let world: EmailWorld;

    beforeAll(async () => {
      // 0.002 h: seven seconds of tries, then the batch gives up.
      world = await emailWorld(
        Array.from({ length: 40 }, () => 'defer-451' as const),
        { EMAIL_MAX_AGE_HOURS: '0.002' },
      );
    });
    afterAll(async () => {
      await world.close();
    });

    it("gives each email up once it is older than the maximum age, keeping the relay's last words", async () => {
      const { w, sut } = world;
      const recipients = await Promise.all([0, 1].map((i) => accountWithContact(sut, someAddress(`never-${i}`))));
      const ids = await sut.app.get(EmailService).queue(
        recipients.map(({ accountId, contactId }, i) => ({
          accountId,
          contactId,
          to: someAddress(`never-${i}`),
          subject: 'Never',
          text: 'Deferred.',
        })),
      );
      const given = await Promise.all(ids.map((id) => settled(w, id, 60_000)));
      for (const e of given) {
        expect(e.status).toBe('rejected');
        expect(e.rejectReason).toMatch(/^not delivered within 0\.002 h; last reply: 451 /);
        expect(e.attempts).toBeGreaterThanOrEqual(2);
      }
    });
  });
});
