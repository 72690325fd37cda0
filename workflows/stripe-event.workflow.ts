import { patched, proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { StripeEventActivities, StripeEventOutcome } from '../src/webhooks/stripe-event.activities';
import { searchAttributes } from './shared';

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
 * second delivery of the same event finds this workflow and starts nothing. Once
 * processing tells whose payment (refund, dispute, card) it was, the run is tagged
 * with that account, so it turns up in the account's search.
 */
export async function stripeEventWorkflow(input: StripeEventInput): Promise<StripeEventOutcome> {
  const outcome = await processStripeEvent({ eventId: input.eventId });
  // Runs recorded before the tag existed replay without it.
  if (outcome.accountId !== undefined && patched('stripe-event-tags-account')) {
    upsertSearchAttributes([{ key: searchAttributes.accountId, value: outcome.accountId }]);
  }
  return outcome;
}
