import { condition, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { InboundMailActivities } from '../src/inbound-mail/inbound-mail.activities';
import { inboundMailCheckSignal, inboundMailStatusQuery, type InboundMailStatus } from './shared';

const { pollInboundMail } = proxyActivities<InboundMailActivities>({
  // A batch is a few dozen messages; the activity beats after each, so a worker that died holding
  // one is given up on after twenty seconds, whatever the batch's size.
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '20 seconds',
  // Retried for as long as it takes: the mail server or the database may be away for a while.
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes' },
});

/** Polls before the run continues as new, so its history stays short. */
const POLLS_PER_RUN = 500;

export interface InboundMailInput {
  /** The mailbox, without its password (inbound-mailbox.ts). */
  mailbox: string;
  /** The pause after a poll that drained the mailbox, unless "check now" ends it sooner. */
  everySeconds: number;
}

/**
 * Reads the helpdesk mailbox into tickets for as long as the deployment is configured with it
 * (`inbound-mail/<mailbox>`). Each poll files what is new and moves the mailbox's cursor in the
 * same transactions, and filing a message twice changes nothing, so a worker killed mid-batch
 * loses nothing and files nothing twice: the retried poll starts from where the commits left it.
 * The check signal wakes it without waiting for the pause.
 */
export async function inboundMailWorkflow(input: InboundMailInput): Promise<void> {
  const status: InboundMailStatus = { polls: 0, filed: 0, duplicates: 0, rejected: 0 };
  let checkAsked = false;
  setHandler(inboundMailCheckSignal, () => {
    checkAsked = true;
  });
  setHandler(inboundMailStatusQuery, () => ({ ...status }));
  while (status.polls < POLLS_PER_RUN) {
    checkAsked = false;
    const report = await pollInboundMail({ mailbox: input.mailbox });
    status.polls++;
    status.filed += report.filed;
    status.duplicates += report.duplicates;
    status.rejected += report.rejected;
    // This deployment reads another mailbox now (or none): its own run carries on under its own id.
    if (!report.configured) return;
    if (!report.more) await condition(() => checkAsked, `${input.everySeconds} seconds`);
  }
  await continueAsNew<typeof inboundMailWorkflow>(input);
}
