import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { ensureTimerReconciler } from '../../src/jobs/timer-reconciler-start';
import { transactionWithRetry } from '../../src/database/transaction';
import { TicketEvents } from '../../src/tickets/ticket-events';
import { TicketsService } from '../../src/tickets/tickets.service';
import { timerReconcilerStatusQuery, workflowIds } from '../../workflows/shared';
import { account, call, job, jobsWorld, JobsWorld, jobType, technician, waitFor } from './jobs-world';

/** A whole minute some hours ahead. */
const hoursAhead = (hours: number) => new Date(Math.ceil((Date.now() + hours * 3600_000) / 60_000) * 60_000);

describe('the timer reconciler, left to itself', () => {
  let w: JobsWorld;
  beforeAll(async () => {
    // A database of its own: the reconciler looks at every job booked ahead and every open ticket.
    w = await jobsWorld({ worker: true, isolated: true });
    await call(w, 'patch', '/api/job-settings', { reminderLeadMinutes: 60 }).expect(200);
  });
  afterAll(() => w.close());

  it("puts back a scheduled job's lost reminder and an open ticket's lost deadline timer, and leaves a cancelled job's alone", async () => {
    const tech = await technician(w);
    const type = await jobType(w);
    const { accountId } = await account(w);
    const kept = await job(w, accountId, type.id);
    const dropped = await job(w, accountId, type.id);
    const keptStart = hoursAhead(3);
    await call(w, 'post', `/api/jobs/${kept.id}/schedule`, { startsAt: keptStart.toISOString(), technicianIds: [tech] }).expect(200);
    await call(w, 'post', `/api/jobs/${dropped.id}/schedule`, { startsAt: hoursAhead(5).toISOString(), technicianIds: [tech] }).expect(200);
    const ticketId = await transactionWithRetry(w.sut.db, (em) =>
      w.sut.app
        .get(TicketsService)
        .openTicket(em, { accountId, subject: 'Router keeps rebooting', visibility: 'internal', source: 'staff' }, null),
    );
    await w.sut.app.get(TicketEvents).changed([ticketId]);

    // Every one of their runs is lost, as when terminated by hand.
    const handles = {
      kept: w.client.workflow.getHandle(workflowIds.jobReminder(kept.id)),
      dropped: w.client.workflow.getHandle(workflowIds.jobReminder(dropped.id)),
      ticket: w.client.workflow.getHandle(workflowIds.ticketDeadline(ticketId)),
    };
    const lost: Record<keyof typeof handles, string> = { kept: '', dropped: '', ticket: '' };
    for (const [name, handle] of Object.entries(handles) as [keyof typeof handles, (typeof handles)['kept']][]) {
      const run = await handle.describe();
      expect(run.status.name).toBe('RUNNING');
      lost[name] = run.runId;
      await handle.terminate('lost by hand');
    }
    // The cancel's signal finds no run to end; the job's row says it all.
    await call(w, 'post', `/api/jobs/${dropped.id}/status`, { status: 'cancelled', reason: 'Subscriber moved away' }).expect(200);

    // Passes a second apart stand for the quarter-hour ones.
    const { workflowId } = await ensureTimerReconciler(w.client, w.sut.config, { everySeconds: 1 });
    const reconciler = w.client.workflow.getHandle(workflowId);
    try {
      const rearmed = await waitFor('the kept job to have its reminder again', async () => {
        const run = await handles.kept.describe();
        return run.status.name === 'RUNNING' && run.runId !== lost.kept ? run : null;
      });
      expect(rearmed.memo).toMatchObject({ revision: 1, remindAt: new Date(keptStart.getTime() - 3600_000).toISOString() });
      await waitFor('the ticket to have its deadline timer again', async () => {
        const run = await handles.ticket.describe();
        return run.status.name === 'RUNNING' && run.runId !== lost.ticket ? run : null;
      });

      // Passes later the cancelled job's reminder is still the one that was lost.
      const seen = (await reconciler.query(timerReconcilerStatusQuery)).passes;
      await waitFor('two more passes', async () => ((await reconciler.query(timerReconcilerStatusQuery)).passes >= seen + 2 ? true : null));
      const cancelled = await handles.dropped.describe();
      expect({ status: cancelled.status.name, runId: cancelled.runId }).toEqual({ status: 'TERMINATED', runId: lost.dropped });
      expect((await handles.kept.describe()).runId).toBe(rearmed.runId);
      expect(await reconciler.query(timerReconcilerStatusQuery)).toMatchObject({
        remindersArmed: 1,
        deadlineTimersStarted: 1,
        failedPasses: 0,
      });

      // A worker starting again finds it running and has it look now; it stays one run.
      const { runId } = await reconciler.describe();
      expect((await ensureTimerReconciler(w.client, w.sut.config, { everySeconds: 1 })).workflowId).toBe(workflowId);
      expect((await reconciler.describe()).runId).toBe(runId);
      expect((await reconciler.describe()).memo?.description).toMatch(/^Timer reconciler: /);
      const asked = (await reconciler.query(timerReconcilerStatusQuery)).passes;
      await waitFor('the pass it was asked for', async () =>
        (await reconciler.query(timerReconcilerStatusQuery)).passes > asked ? true : null,
      );
    } finally {
      await reconciler.terminate('test over').catch(() => undefined);
    }
    if (process.env.RECORD_HISTORIES) {
      writeFileSync(
        join(__dirname, '../workflows/histories/timer-reconciler-put-back-lost-timers.json'),
        historyToJSON(await reconciler.fetchHistory()),
      );
    }
  });
});
