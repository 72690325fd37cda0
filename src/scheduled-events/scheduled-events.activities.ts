import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { PerformOutcome, ScheduledEventPerformer, ScheduledEventRefused } from './scheduled-event-performer';
import { Activity } from '../temporal/activity.decorator';

export type { PerformOutcome } from './scheduled-event-performer';

/** Activities of scheduled events; the worker registers these bound methods. */
@Injectable()
export class ScheduledEventActivities {
  constructor(private readonly performer: ScheduledEventPerformer) {}

  /**
   * Carries out the event if it still waits with this revision. Safe to repeat. A
   * refused action is recorded on the event and comes back non-retryable: trying
   * again would meet the same refusal.
   */
  @Activity()
  async performScheduledEvent(input: { eventId: number; revision: number }): Promise<PerformOutcome> {
    try {
      return await this.performer.perform(input.eventId, input.revision);
    } catch (err) {
      if (err instanceof ScheduledEventRefused) throw ApplicationFailure.nonRetryable(err.message, 'ScheduledEventRefused');
      throw err;
    }
  }
}
