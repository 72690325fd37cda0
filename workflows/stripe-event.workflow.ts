import { proxyActivities } from '@temporalio/workflow';
import type { StripeEventActivities, StripeEventOutcome } from '../src/webhooks/stripe-event.activities';

// Processing reads the object's current state from Stripe and changes our rows under the account's lock;
// a processor or database that is away is waited out, however long.
const { processStripeEvent } = proxyActivities<StripeEventActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});

export interface StripeEventInput {
  eventId: string;
  type: string;
}

/**
 * One stored Stripe event, processed once. The workflow id is the event id, so a
 * second delivery of the same event finds this workflow and starts nothing.
 */
export async function stripeEventWorkflow(input: StripeEventInput): Promise<StripeEventOutcome> {
  return processStripeEvent({ eventId: input.eventId });
}
