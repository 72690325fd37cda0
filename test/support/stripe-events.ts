import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { workflowIds } from '../../workflows/shared';
import { waitUntil } from './processes';

/**
 * The outcome of a stored Stripe event's processing. The API starts the event's
 * workflow just after it answers, so the workflow may not exist for a moment yet.
 */
export async function stripeEventOutcome<T = { eventId: string; status: string; outcome: string; accountId?: number }>(
  client: Client,
  eventId: string,
  timeoutMs = 60_000,
): Promise<T> {
  const handle = client.workflow.getHandle(workflowIds.stripeEvent(eventId));
  await waitUntil(
    `the processing workflow of ${eventId} to start`,
    async () => {
      try {
        await handle.describe();
        return true;
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return false;
        throw err;
      }
    },
    timeoutMs,
  );
  return (await handle.result()) as T;
}
