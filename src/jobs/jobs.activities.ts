import { Injectable } from '@nestjs/common';
import { workflowIds } from '../../workflows/shared';
import { requestContext } from '../common/request-context';
import { Activity } from '../temporal/activity.decorator';
import { JobBookingService, JobReminderOutcome } from './job-booking.service';
import { JobReminderReconciliation } from './job-reminder-reconciliation';

export type { JobReminderOutcome } from './job-booking.service';

/** Activities of jobs; the worker registers these bound methods. */
@Injectable()
export class JobActivities {
  constructor(
    private readonly booking: JobBookingService,
    private readonly reminders: JobReminderReconciliation,
  ) {}

  /**
   * Queues the subscriber's reminder if the job is still booked with this revision.
   * Safe to repeat: the email's key (job and start time) lets one through.
   */
  @Activity()
  async sendJobReminder(input: { jobId: number; revision: number }): Promise<JobReminderOutcome> {
    // Entries written here carry the workflow id instead of a request id, and no person as actor.
    return requestContext.run({ requestId: workflowIds.jobReminder(input.jobId) }, () => this.booking.remind(input.jobId, input.revision));
  }

  /** Starts or re-arms the reminder of each job booked ahead whose reminder is not waiting; writes nothing. */
  @Activity()
  async reconcileJobReminders(): Promise<{ scheduledJobs: number; armed: number }> {
    return this.reminders.reconcile();
  }
}
