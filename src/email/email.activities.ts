import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { EmailBatchInput } from '../../workflows/email-batch.workflow';
import { EmailDeferred, EmailDeliveryService, EmailMissing, type EmailBatchState } from './email-delivery.service';
import { EmailService } from './email.service';
import type { EmailStatus } from './email-status';
import { Activity } from '../temporal/activity.decorator';

export type { EmailStatus } from './email-status';
export type { EmailBatchState } from './email-delivery.service';

/** How often a pass over a batch tells Temporal it is alive, whatever the relay's pace. */
const HEARTBEAT_EVERY_MS = 5_000;

/** Activities of email delivery; the worker registers these bound methods. */
@Injectable()
export class EmailActivities {
  constructor(
    private readonly delivery: EmailDeliveryService,
    private readonly emails: EmailService,
  ) {}

  /**
   * One try at sending the email, answering its status. A deferral is recorded on the
   * row and thrown as retryable, so Temporal's retry policy paces the next try; a
   * refusal comes back as the status 'rejected' and is never tried again.
   */
  @Activity()
  async deliverEmail(emailId: number): Promise<EmailStatus> {
    try {
      return await this.delivery.deliver(emailId);
    } catch (err) {
      if (err instanceof EmailDeferred) throw ApplicationFailure.retryable(err.message, 'EmailDeferred');
      if (err instanceof EmailMissing) throw ApplicationFailure.nonRetryable(err.message, 'EmailMissing');
      throw err;
    }
  }

  /** One pass over a batch of bulk mail: the emails that are due are tried; answers where the batch stands. */
  @Activity()
  async deliverEmailBatch(input: EmailBatchInput): Promise<EmailBatchState> {
    const context = Context.current();
    let tried = 0;
    // Beats on a timer as well as after each email: one silent relay may hold a try for minutes.
    const beat = setInterval(() => context.heartbeat({ tried }), HEARTBEAT_EVERY_MS);
    try {
      return await this.delivery.deliverBatch(input.batchId, input.retry, () => {
        tried += 1;
        context.heartbeat({ tried });
      });
    } finally {
      clearInterval(beat);
    }
  }

  /** Marks a still-queued email rejected once its maximum age has passed. */
  @Activity()
  async markEmailUndelivered(input: { emailId: number; maxAgeHours: number }): Promise<EmailStatus> {
    return this.delivery.giveUp(input.emailId, input.maxAgeHours);
  }

  /** Starts the delivery of queued emails whose workflow never started; answers how many it started. */
  @Activity()
  async startUndispatchedEmails(input: { graceSeconds: number; limit: number }): Promise<number> {
    return this.emails.startUndispatched(input.graceSeconds, input.limit);
  }
}
