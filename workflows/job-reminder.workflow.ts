import { condition, proxyActivities, setHandler, upsertMemo } from '@temporalio/workflow';
import type { JobActivities, JobReminderOutcome } from '../src/jobs/jobs.activities';
import { jobReminderChangedSignal } from './shared';

const { sendJobReminder } = proxyActivities<JobActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface JobReminderInput {
  jobId: number;
  accountId: number;
  /** ISO 8601 instant to remind at; null: no reminder is due (the job is too close, or no longer booked). */
  remindAt: string | null;
  /** The job's booking revision this time belongs to. */
  revision: number;
}

/** The job was booked anew (rescheduled, reassigned) or taken off the calendar (remindAt null). */
export interface JobReminderChange {
  remindAt: string | null;
  revision: number;
}

export interface JobReminderResult {
  /** sent: the reminder was queued (once); ended: there was nothing left to remind of. */
  outcome: 'sent' | 'ended';
}

/**
 * The reminder of one scheduled job: sleep until its time, then have the subscriber
 * reminded once. The job's row is the truth: a reschedule or cancellation writes it
 * first and then signals this workflow, which only saves it from waking at the wrong
 * time. When it wakes, the activity reminds only if the job is still booked with the
 * revision the workflow waited for, and otherwise hands back the row's own time.
 */
export async function jobReminderWorkflow(input: JobReminderInput): Promise<JobReminderResult> {
  let remindAt = input.remindAt === null ? null : Date.parse(input.remindAt);
  let revision = input.revision;
  let changed = false;

  setHandler(jobReminderChangedSignal, (change) => {
    // A late or repeated delivery of an older change must not undo a newer one.
    if (change.revision <= revision) return;
    revision = change.revision;
    remindAt = change.remindAt === null ? null : Date.parse(change.remindAt);
    changed = true;
    upsertMemo({ remindAt: change.remindAt, revision: change.revision });
  });

  for (;;) {
    changed = false;
    if (remindAt === null) return { outcome: 'ended' };
    const wait = remindAt - Date.now();
    if (wait > 0) {
      await condition(() => changed, wait);
      if (changed) continue;
    }
    const asked = revision;
    const outcome: JobReminderOutcome = await sendJobReminder({ jobId: input.jobId, revision: asked });
    // Booked anew while the activity ran: wait for the new time instead.
    if (revision !== asked) continue;
    if (outcome.outcome !== 'moved') return { outcome: outcome.outcome };
    // The row moved on before this run heard of it: follow the row.
    revision = outcome.revision;
    remindAt = outcome.remindAt === null ? null : Date.parse(outcome.remindAt);
  }
}
