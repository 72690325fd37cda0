import { Client, Connection } from '@temporalio/client';
import type { ParsedMail } from 'mailparser';
import { ensureEmailDispatchSchedule } from '../../src/email/email-dispatch-schedule';
import { scheduleIds } from '../../workflows/shared';
import { EmailService } from '../../src/email/email.service';
import { emailDispatchWorkflow } from '../../workflows/email-dispatch.workflow';
import { accountWithContact, email, emailWorld, EmailWorld, settled, someAddress } from './email-world';

const addressOf = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : undefined);

/**
 * An email committed while Temporal was away (or whose process died before starting its
 * workflow) is found by the dispatch pass and delivered once; a fresh one is left to the
 * caller that queued it.
 */
describe('an email whose delivery never started', () => {
  let world: EmailWorld;
  let client: Client;
  let connection: Connection;

  beforeAll(async () => {
    world = await emailWorld(['accept', 'accept']);
    connection = await Connection.connect({ address: world.sut.config.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: world.sut.config.TEMPORAL_NAMESPACE });
  });
  afterAll(async () => {
    await connection.close();
    await world.close();
  });

  async function queuedWithoutStart(label: string, ageSeconds: number): Promise<{ id: number; to: string }> {
    const { sut } = world;
    const to = someAddress(label);
    const { accountId, contactId } = await accountWithContact(sut, to);
    const [id] = await sut.db.transaction((em) =>
      sut.app.get(EmailService).queueLocked(em, [{ accountId, contactId, to, subject: `Stranded ${label}`, text: 'Still on its way.' }]),
    );
    if (ageSeconds) {
      await sut.db.query('UPDATE emails SET created_at = CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND WHERE id = ?', [ageSeconds, id]);
    }
    return { id, to };
  }

  it('is started by the dispatch pass and sent once; one still within its grace period is left alone', async () => {
    const { w, sut, peer } = world;
    const stranded = await queuedWithoutStart('stranded', 600);
    const fresh = await queuedWithoutStart('fresh', 0);

    const pass = await client.workflow.execute(emailDispatchWorkflow, {
      taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      workflowId: `email-dispatch-test-${stranded.id}`,
      args: [{ graceSeconds: 120 }],
    });
    expect(pass.started).toBeGreaterThanOrEqual(1);
    expect(await settled(w, stranded.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(peer.accepted.filter((m) => addressOf(m) === stranded.to)).toHaveLength(1);

    const [freshRow] = await sut.db.query('SELECT status, delivery_started_at FROM emails WHERE id = ?', [fresh.id]);
    expect(freshRow).toMatchObject({ status: 'queued', delivery_started_at: null });

    // A second pass finds the started one marked and starts nothing for it.
    const again = await client.workflow.execute(emailDispatchWorkflow, {
      taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      workflowId: `email-dispatch-test-${stranded.id}-again`,
      args: [{ graceSeconds: 120 }],
    });
    expect(again.started).toBe(0);
    expect(peer.accepted.filter((m) => addressOf(m) === stranded.to)).toHaveLength(1);

    // The fresh one's caller starts it as usual; it is delivered too, once.
    await sut.app.get(EmailService).startDelivery([fresh.id]);
    expect(await settled(w, fresh.id)).toMatchObject({ status: 'sent' });
    expect((await email(w, fresh.id)).attempts).toBe(1);
    expect(peer.accepted.filter((m) => addressOf(m) === fresh.to)).toHaveLength(1);
  });

  it('is one schedule every five minutes, however often set-up runs', async () => {
    try {
      await ensureEmailDispatchSchedule(client, world.sut.config);
      await ensureEmailDispatchSchedule(client, world.sut.config);
      const schedule = await client.schedule.getHandle(scheduleIds.emailDispatch).describe();
      expect(schedule.spec.intervals).toMatchObject([{ every: 300_000 }]);
      expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'emailDispatchWorkflow' });
    } finally {
      await client.schedule
        .getHandle(scheduleIds.emailDispatch)
        .delete()
        .catch(() => undefined);
    }
  });
});
