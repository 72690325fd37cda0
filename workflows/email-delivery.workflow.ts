import { RetryState } from '@temporalio/common';
import { ActivityFailure, proxyActivities, TimeoutFailure } from '@temporalio/workflow';
import type { EmailActivities, EmailStatus } from '../src/email/email.activities';

/** Timings read from config when the workflow starts, so an operator's change reaches new emails only. */
export interface EmailRetryTimings {
  initialSeconds: number;
  maxIntervalSeconds: number;
  /** Measured from queuedAt; may be a fraction. */
  maxAgeHours: number;
  /** Each SMTP wait (connect, greeting, silence) gives up after this long. */
  smtpTimeoutSeconds: number;
}

export interface EmailDeliveryInput {
  emailId: number;
  /** ISO 8601 instant the row was written. */
  queuedAt: string;
  retry: EmailRetryTimings;
}

export interface EmailDeliveryResult {
  status: EmailStatus;
}

const { markEmailUndelivered } = proxyActivities<EmailActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * One outgoing email. A deferral (4xx, a dropped or silent connection) is retried by
 * Temporal's own policy with doubling waits until the email is maxAgeHours old; the
 * activity records each try on the row and answers a refusal (5xx) as a result, not
 * an error, so nothing refused is ever tried again.
 */
export async function emailDeliveryWorkflow(input: EmailDeliveryInput): Promise<EmailDeliveryResult> {
  const { retry } = input;
  const deadline = Date.parse(input.queuedAt) + retry.maxAgeHours * 3_600_000;
  const remainingMs = deadline - Date.now();
  if (remainingMs <= 0) return { status: await markEmailUndelivered({ emailId: input.emailId, maxAgeHours: retry.maxAgeHours }) };

  // A try is bounded by the SMTP timeouts of its few round trips; this only catches a worker that vanished mid-try.
  const tryMs = Math.min(retry.smtpTimeoutSeconds * 10_000, remainingMs);
  const { deliverEmail } = proxyActivities<EmailActivities>({
    startToCloseTimeout: tryMs,
    scheduleToCloseTimeout: remainingMs,
    retry: {
      initialInterval: retry.initialSeconds * 1000,
      backoffCoefficient: 2,
      maximumInterval: retry.maxIntervalSeconds * 1000,
    },
  });
  try {
    return { status: await deliverEmail(input.emailId) };
  } catch (err) {
    const outOfTime = err instanceof ActivityFailure && (err.retryState === RetryState.TIMEOUT || err.cause instanceof TimeoutFailure);
    if (!outOfTime) throw err;
    return { status: await markEmailUndelivered({ emailId: input.emailId, maxAgeHours: retry.maxAgeHours }) };
  }
}
