import { Injectable } from '@nestjs/common';
import { Activity } from '../temporal/activity.decorator';
import { StripeEventStarter } from './stripe-event-starter';

@Injectable()
export class WebhookInboxActivities {
  constructor(private readonly starter: StripeEventStarter) {}

  /** Hands over events stored more than `graceSeconds` ago and never handed over; answers how many it found. */
  @Activity()
  async dispatchStrandedStripeEvents(input: { graceSeconds: number; limit: number }): Promise<number> {
    const events = await this.starter.undispatched(input.graceSeconds, input.limit);
    await this.starter.start(events);
    return events.length;
  }
}
