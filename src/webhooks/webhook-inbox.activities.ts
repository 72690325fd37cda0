import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { Activity } from '../temporal/activity.decorator';
import { START_CONCURRENCY, StripeEventStarter } from './stripe-event-starter';

/** Events started between heartbeats: a dead worker is noticed within one group's starts. */
const GROUP = START_CONCURRENCY * 4;

@Injectable()
export class WebhookInboxActivities {
  constructor(private readonly starter: StripeEventStarter) {}

  /** Hands over events stored more than `graceSeconds` ago and never handed over; answers how many it found. */
  @Activity()
  async dispatchStrandedStripeEvents(input: { graceSeconds: number; limit: number }): Promise<number> {
    const events = await this.starter.undispatched(input.graceSeconds, input.limit);
    for (let from = 0; from < events.length; from += GROUP) {
      await this.starter.start(events.slice(from, from + GROUP));
      Context.current().heartbeat({ started: Math.min(from + GROUP, events.length) });
    }
    return events.length;
  }
}
