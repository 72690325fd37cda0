import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection, ScheduleNotFoundError, type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { ParsedMail } from 'mailparser';
import { EMAIL_DISPATCH_EVERY_SECONDS, ensureEmailDispatcher } from '../../src/email/email-dispatch-schedule';
import { emailDispatcherPassesQuery, scheduleIds, workflowIds } from '../../workflows/shared';
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
    world = await emailWorld(['accept', 'accept', 'accept']);
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

  it('is swept by one long-lived dispatcher: an idle hour of passes leaves one entry in the list, and a stranded email is sent', async () => {
    const { w, sut, peer } = world;
    // An hour of five-minute passes, compressed to a second each: the timer is the same durable sleep.
    const hourBegan = new Date();
    const { workflowId } = await ensureEmailDispatcher(client, sut.config, { everySeconds: 1 });
    const dispatcher = client.workflow.getHandle(workflowId);
    try {
      // Set-up run again finds the dispatcher running and leaves it alone.
      expect((await ensureEmailDispatcher(client, sut.config, { everySeconds: 1 })).workflowId).toBe(workflowId);
      await passes(dispatcher, 1);
      const stranded = await queuedWithoutStart('stranded-mid-hour', 600);
      await passes(dispatcher, PASSES_PER_HOUR);

      expect(await settled(w, stranded.id)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(peer.accepted.filter((m) => addressOf(m) === stranded.to)).toHaveLength(1);
      const delivery = await client.workflow.getHandle(workflowIds.emailDelivery(stranded.id)).describe();
      expect(delivery.memo?.description).toBe(`Email 'Stranded stranded-mid-hour' to ${stranded.to}`);

      // Dispatch workflows started in the hour, on this app's queue (the passes started by hand above came before).
      const query = `TaskQueue = '${sut.config.TEMPORAL_TASK_QUEUE}' AND WorkflowType IN ('emailDispatchWorkflow', 'emailDispatcherWorkflow') AND StartTime >= '${hourBegan.toISOString()}'`;
      const listed = [];
      for await (const execution of client.workflow.list({ query })) listed.push(execution);
      expect(listed.map((e) => ({ id: e.workflowId, status: e.status.name, runId: e.runId }))).toEqual([
        { id: workflowId, status: 'RUNNING', runId: (await dispatcher.describe()).runId },
      ]);
      expect(listed[0].memo?.description).toMatch(/^Email dispatcher: /);
      await expect(client.schedule.getHandle(scheduleIds.emailDispatch).describe()).rejects.toThrow(ScheduleNotFoundError);
    } finally {
      await dispatcher.terminate('test over').catch(() => undefined);
    }
    if (process.env.RECORD_HISTORIES) {
      writeFileSync(
        join(__dirname, '../workflows/histories/email-dispatcher-idle-hour.json'),
        historyToJSON(await dispatcher.fetchHistory()),
      );
    }
  });

  it('deletes the five-minute schedule it replaces', async () => {
    const { sut } = world;
    await client.schedule.create({
      scheduleId: scheduleIds.emailDispatch,
      spec: { intervals: [{ every: '5 minutes' }] },
      action: {
        type: 'startWorkflow',
        workflowType: emailDispatchWorkflow,
        args: [{ graceSeconds: 120 }],
        taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      },
      state: { paused: true },
    });
    const { workflowId } = await ensureEmailDispatcher(client, sut.config);
    try {
      await expect(client.schedule.getHandle(scheduleIds.emailDispatch).describe()).rejects.toThrow(ScheduleNotFoundError);
    } finally {
      await client.workflow
        .getHandle(workflowId)
        .terminate('test over')
        .catch(() => undefined);
    }
  });
});

/** Passes in an hour at the production interval. */
const PASSES_PER_HOUR = 3600 / EMAIL_DISPATCH_EVERY_SECONDS;

/** Waits until the dispatcher's current run has made `n` passes. */
async function passes(dispatcher: WorkflowHandle, n: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await dispatcher.query(emailDispatcherPassesQuery)) < n) {
    if (Date.now() > deadline) throw new Error(`the dispatcher made fewer than ${n} passes in a minute`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
