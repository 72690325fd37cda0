import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ContractSigningActivities } from '../src/contracts/contract-signing.activities';
import { cancelSigningUpdate, resendSigningUpdate, signingClosedSignal, type SigningRequestStatus } from './shared';

const { sendSigningEmail, expireSigningRequest, signingRequestStatus } = proxyActivities<ContractSigningActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface ContractSigningInput {
  requestId: number;
  contractId: number;
  accountId: number;
  /** ISO 8601 instants. */
  sentAt: string;
  expiresAt: string;
  /** When reminders go out, counted from the latest send; days in production, seconds in tests. */
  reminderAfterSeconds: number[];
  /**
   * How often the run looks at the request between its own timers, so a signature whose signal
   * never arrived (Temporal was unreachable at that moment) ends the run within this long.
   */
  checkEverySeconds: number;
}

export interface ContractSigningResult {
  outcome: SigningRequestStatus['state'];
  emailsSent: number;
  remindersSent: number;
}

/**
 * One request to sign a contract by a link: the email, the reminders, the expiry. The database
 * row is the truth and every step checks it in its own transaction: a reminder is sent only to a
 * request still open, and the expiry closes only a request still open, so a signature that lands
 * at the same moment wins or loses cleanly. A signature ends the run through a signal; should the
 * signal be lost, the next look at the row ends it instead.
 */
export async function contractSigningWorkflow(input: ContractSigningInput): Promise<ContractSigningResult> {
  let expiresAt = Date.parse(input.expiresAt);
  let sentAt = Date.parse(input.sentAt);
  let closedAs: SigningRequestStatus['state'] | null = null;
  let resendPending = false;
  let remindersDone = 0;
  let remindersSent = 0;
  /** Numbers the emails, so an activity run twice (its answer lost) sends its email once. */
  let emailsSent = 0;
  let lastLook = Date.now();
  const status = (): SigningRequestStatus => ({
    state: closedAs ?? 'open',
    expiresAt: new Date(expiresAt).toISOString(),
    emailsSent,
  });
  const refuseWhenClosed = () => {
    if (closedAs !== null) throw new Error(`The signing request is ${closedAs}`);
  };

  setHandler(signingClosedSignal, ({ state }) => {
    closedAs ??= state;
  });
  setHandler(
    cancelSigningUpdate,
    () => {
      closedAs = 'cancelled';
      return status();
    },
    { validator: refuseWhenClosed },
  );
  setHandler(
    resendSigningUpdate,
    ({ expiresAt: newExpiry }) => {
      expiresAt = Date.parse(newExpiry);
      resendPending = true;
      return status();
    },
    {
      validator: ({ expiresAt: newExpiry }) => {
        refuseWhenClosed();
        if (!Number.isFinite(Date.parse(newExpiry))) throw new Error(`expiresAt ${newExpiry} is not a time`);
      },
    },
  );

  const send = async (kind: 'request' | 'reminder' | 'resend'): Promise<boolean> => {
    const result = await sendSigningEmail({ requestId: input.requestId, emailNumber: emailsSent + 1, kind });
    if (result.state !== 'open') {
      closedAs ??= result.state;
      return false;
    }
    emailsSent += 1;
    return true;
  };

  if (!(await send('request'))) return { outcome: closedAs ?? 'cancelled', emailsSent, remindersSent };

  for (;;) {
    if (closedAs !== null) return { outcome: closedAs, emailsSent, remindersSent };
    if (resendPending) {
      resendPending = false;
      sentAt = Date.now();
      remindersDone = 0;
      await send('resend');
      continue;
    }
    const now = Date.now();
    const nextReminder =
      remindersDone < input.reminderAfterSeconds.length ? sentAt + input.reminderAfterSeconds[remindersDone] * 1000 : Infinity;
    const nextLook = lastLook + input.checkEverySeconds * 1000;
    const wakeAt = Math.min(nextReminder, expiresAt, nextLook);
    if (wakeAt > now) {
      await condition(() => closedAs !== null || resendPending, wakeAt - now);
      continue;
    }
    if (now >= expiresAt) {
      const after = await expireSigningRequest({ requestId: input.requestId });
      // A re-send moved the expiry after this timer was set: wait for the new one.
      if (after.state === 'open') {
        expiresAt = Date.parse(after.expiresAt);
        continue;
      }
      closedAs ??= after.state;
      continue;
    }
    if (now >= nextReminder) {
      remindersDone += 1;
      if (await send('reminder')) remindersSent += 1;
      continue;
    }
    lastLook = now;
    const looked = await signingRequestStatus({ requestId: input.requestId });
    if (looked.state !== 'open') closedAs ??= looked.state;
    else expiresAt = Date.parse(looked.expiresAt);
  }
}
