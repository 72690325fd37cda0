import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { addBusinessTime, localDate } from './business-time';
import type { DeadlineKind } from './dto/ticket-deadline-state.dto';
import { type BreachRow, businessCalendar, type TargetRow, targetFor, type TicketFacts } from './ticket-deadline-rows';

export interface TicketDueDates {
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  target: TargetRow | null;
}

export interface NextDeadline {
  kind: DeadlineKind;
  dueAt: Date;
}

/**
 * A ticket's deadlines, from the target of its group and priority and the business calendar.
 * The clock starts when the ticket was opened, or when its target was first set if that came
 * later: a new target does not make every old open ticket overdue at once. The first response
 * is due only while no public reply went out; the resolution while the ticket is not closed.
 */
@Injectable()
export class TicketDeadlineCalculator {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async dueDates(em: EntityManager, ticket: TicketFacts): Promise<TicketDueDates> {
    const target = await targetFor(em, ticket.groupId, ticket.priority);
    if (!target || ticket.mergedIntoTicketId !== null || ticket.statusKind === 'closed') {
      return { firstResponseDueAt: null, resolutionDueAt: null, target };
    }
    const start = new Date(Math.max(ticket.createdAt.getTime(), target.createdAt.getTime()));
    const calendar = await businessCalendar(em, this.config.BILLING_TIME_ZONE, localDate(start, this.config.BILLING_TIME_ZONE));
    return {
      firstResponseDueAt:
        ticket.firstRespondedAt === null && target.firstResponseSeconds !== null
          ? addBusinessTime(start, target.firstResponseSeconds, calendar)
          : null,
      resolutionDueAt: target.resolutionSeconds !== null ? addBusinessTime(start, target.resolutionSeconds, calendar) : null,
      target,
    };
  }
}

/** The earliest deadline not breached yet, or null when nothing is left to wait for. */
export function nextDeadline(due: TicketDueDates, breaches: Pick<BreachRow, 'kind'>[]): NextDeadline | null {
  const breached = new Set(breaches.map((b) => b.kind));
  const candidates: NextDeadline[] = [];
  if (due.firstResponseDueAt && !breached.has('first_response')) candidates.push({ kind: 'first_response', dueAt: due.firstResponseDueAt });
  if (due.resolutionDueAt && !breached.has('resolution')) candidates.push({ kind: 'resolution', dueAt: due.resolutionDueAt });
  candidates.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  return candidates[0] ?? null;
}
