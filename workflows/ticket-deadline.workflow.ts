import { condition, continueAsNew, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { TicketDeadlineActivities, TicketDeadlineStep } from '../src/ticket-deadlines/ticket-deadlines.activities';
import { searchAttributes, ticketChangedSignal } from './shared';

// A database that is away is waited out; the activities are safe to repeat.
const { nextTicketDeadline, recordTicketBreach } = proxyActivities<TicketDeadlineActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface TicketDeadlineInput {
  ticketId: number;
}

export interface TicketDeadlineResult {
  outcome: 'ended';
  /** Breaches this run recorded (the ones of earlier runs are in the database). */
  breaches: number;
}

/** Looks and waits per run before it continues as new, so a ticket changed all day keeps a short history. */
const ROUNDS_PER_RUN = 100;

/**
 * The deadline timer of one open ticket (`ticket/<id>`). The database is the truth: each round
 * asks an activity for the ticket's next deadline and sleeps until then, or until a change to
 * the ticket is signalled (a reply, a status, a group or priority change, settings), which makes
 * it ask again; a deadline met in between is never checked. At a deadline an activity checks and
 * records the breach in one transaction and sends its notices, once however often it runs. A
 * closed or merged ticket ends the run; the next change to a reopened ticket starts another.
 */
export async function ticketDeadlineWorkflow(input: TicketDeadlineInput): Promise<TicketDeadlineResult> {
  let changed = false;
  let breaches = 0;
  setHandler(ticketChangedSignal, () => {
    changed = true;
  });
  let accountId = workflowInfo().typedSearchAttributes.get(searchAttributes.accountId) ?? null;
  const findable = (step: TicketDeadlineStep) => {
    // A ticket opened from an unknown sender gets its account later: ops find its timer by it from then on.
    if (step.accountId !== null && step.accountId !== accountId) {
      accountId = step.accountId;
      upsertSearchAttributes([{ key: searchAttributes.accountId, value: step.accountId }]);
    }
  };

  let step = await nextTicketDeadline({ ticketId: input.ticketId });
  for (let rounds = 1; ; rounds++) {
    findable(step);
    if (step.ended) return { outcome: 'ended', breaches };
    if (rounds >= ROUNDS_PER_RUN) await continueAsNew<typeof ticketDeadlineWorkflow>(input);
    if (!changed) {
      if (step.next === null) await condition(() => changed);
      else {
        const wait = Date.parse(step.next.dueAt) - Date.now();
        if (wait > 0) await condition(() => changed, wait);
      }
    }
    const due = changed ? null : step.next;
    changed = false;
    if (due === null) {
      step = await nextTicketDeadline({ ticketId: input.ticketId });
    } else {
      const outcome = await recordTicketBreach({ ticketId: input.ticketId, kind: due.kind });
      if (outcome.breached) breaches++;
      step = outcome;
    }
  }
}
