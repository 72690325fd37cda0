import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { Activity } from '../temporal/activity.decorator';
import { BATCH_SIZE, StripeEventStarter } from './stripe-event-starter';

@Injectable()
export class WebhookInboxActivities {
  constructor(private readonly starter: StripeEventStarter) {}

  /**
   * Hands over, in batches, events stored more than `graceSeconds` ago and never put
   * in a batch, then starts batches claimed that long ago whose start was never
   * recorded. Answers how many events it found, so a full page asks for another.
   */
  @Activity()
  async dispatchStrandedStripeEvents(input: { graceSeconds: number; limit: number }): Promise<number> {
    const events = await this.starter.unclaimed(input.graceSeconds, input.limit);
    for (let from = 0; from < events.length; from += BATCH_SIZE) {
      await this.starter.dispatch(events.slice(from, from + BATCH_SIZE));
      // After each batch, so a worker that dies mid-page is noticed in seconds and the page handed to another.
      Context.current().heartbeat({ dispatched: Math.min(from + BATCH_SIZE, events.length) });
    }
    await this.starter.startClaimed(input.graceSeconds, input.limit);
    return events.length;
  }
}
