import { Injectable } from '@nestjs/common';
import { Activity } from '../temporal/activity.decorator';
import type { DeadlineKind } from './dto/ticket-deadline-state.dto';
import { TicketDeadlineTimers } from './ticket-deadline-timers';
import { type TicketBreachOutcome, type TicketDeadlineStep, TicketDeadlinesService } from './ticket-deadlines.service';

export type { TicketBreachOutcome, TicketDeadlineStep } from './ticket-deadlines.service';

/** Activities of the ticket deadline timers; the worker registers these bound methods. */
@Injectable()
export class TicketDeadlineActivities {
  constructor(
    private readonly deadlines: TicketDeadlinesService,
    private readonly timers: TicketDeadlineTimers,
  ) {}

  /** The ticket's next deadline, worked out from the database now. Reads only (and keeps the result for lists). */
  @Activity()
  async nextTicketDeadline(input: { ticketId: number }): Promise<TicketDeadlineStep> {
    return this.deadlines.step(input.ticketId);
  }

  /** Records the breach and tells the people once if the deadline still stands and has passed; then the next step. */
  @Activity()
  async recordTicketBreach(input: { ticketId: number; kind: DeadlineKind }): Promise<TicketBreachOutcome> {
    return this.deadlines.recordBreach(input.ticketId, input.kind);
  }

  /** Starts a timer for each open ticket that has none running; writes nothing. */
  @Activity()
  async reconcileTicketDeadlineTimers(): Promise<{ openTickets: number; started: number }> {
    return this.timers.reconcile();
  }
}
