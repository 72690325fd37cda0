import { proxyActivities } from '@temporalio/workflow';
import type { EmailActivities } from '../src/email/email.activities';

const { startUndispatchedEmails } = proxyActivities<EmailActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', maximumAttempts: 5 },
});

/** Emails per activity call; the loop stops early once a call finds fewer. */
const PAGE = 500;
/** Pages per pass, so one pass stays short; the next pass picks up the rest. */
const MAX_PAGES = 20;

export interface EmailDispatchInput {
  /** How old a queued email must be before it counts as never started (its caller had its chance). */
  graceSeconds: number;
}

/**
 * One pass that starts the delivery of queued emails whose own workflow never started,
 * because Temporal was away when they were queued or the process died between the commit
 * and the start. The retired `email-dispatch` schedule ran it every five minutes; the
 * long-lived emailDispatcherWorkflow does that work now, and an operator may still start
 * a pass by hand.
 */
export async function emailDispatchWorkflow(input: EmailDispatchInput): Promise<{ started: number }> {
  let started = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const n = await startUndispatchedEmails({ graceSeconds: input.graceSeconds, limit: PAGE });
    started += n;
    if (n < PAGE) break;
  }
  return { started };
}
