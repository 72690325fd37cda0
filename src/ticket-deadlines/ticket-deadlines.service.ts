import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { NotFoundException } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { EmailService } from '../email/email.service';
import { AccountTasksService } from '../notes/account-tasks.service';
import { TicketEvents } from '../tickets/ticket-events';
import { TicketsService } from '../tickets/tickets.service';
import type { DeadlineKind, TicketDeadlineStateDto } from './dto/ticket-deadline-state.dto';
import { nextDeadline, TicketDeadlineCalculator } from './ticket-deadline-calculator';
import {
  breachesOf,
  breachRecipients,
  completeBreach,
  insertBreach,
  isLive,
  saveDeadlines,
  savedDeadlines,
  type StaffRecipient,
  ticketFacts,
  type TicketFacts,
} from './ticket-deadline-rows';

/** What a ticket's timer does next: end, wait for a change, or sleep until a deadline. */
export interface TicketDeadlineStep {
  /** The ticket is closed, merged or gone: the timer ends. */
  ended: boolean;
  /** The ticket's account, so the run can be found by AccountId once it has one. */
  accountId: number | null;
  /** The earliest deadline still to come or to check; null: nothing to wait for until the ticket changes. */
  next: { kind: DeadlineKind; dueAt: string } | null;
}

export interface TicketBreachOutcome extends TicketDeadlineStep {
  /** This call recorded the breach and sent its notices; false when it was met, not due yet, or recorded before. */
  breached: boolean;
}

/**
 * How far the worker's clock may lag the Temporal server's: a timer that fired this close to
 * the deadline counts as having reached it, so a check never loops waiting a few milliseconds.
 */
const CLOCK_TOLERANCE_MS = 1_000;

const KIND_WORDS: Record<DeadlineKind, { target: string; meaning: string }> = {
  first_response: { target: 'first-response target', meaning: 'No public reply has gone out yet' },
  resolution: { target: 'resolution target', meaning: 'The ticket is not closed yet' },
};

/** The deadlines of each ticket, worked out for its timer, and the breach, recorded and told once. */
@Injectable()
export class TicketDeadlinesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly calculator: TicketDeadlineCalculator,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly email: EmailService,
    private readonly tasks: AccountTasksService,
    private readonly tickets: TicketsService,
    private readonly events: TicketEvents,
  ) {}

  /** Works out the ticket's deadlines again, keeps them for the lists, and says what to wait for. */
  async step(ticketId: number): Promise<TicketDeadlineStep> {
    const em = this.db.manager;
    const ticket = await ticketFacts(em, ticketId);
    if (!ticket) return { ended: true, accountId: null, next: null };
    const due = await this.calculator.dueDates(em, ticket);
    await saveDeadlines(em, ticketId, due);
    if (!isLive(ticket)) return { ended: true, accountId: ticket.accountId, next: null };
    const next = nextDeadline(due, await breachesOf(em, ticketId));
    return { ended: false, accountId: ticket.accountId, next: next && { kind: next.kind, dueAt: next.dueAt.toISOString() } };
  }

  /**
   * At a deadline: in one transaction, checks that it still stands and has passed (a reply or a
   * close since then means it was met), records the breach (unique per ticket and kind, so a
   * repeated check finds it and does nothing), queues an email to the assignee and each member of
   * the group, leaves a task on the account and raises the priority if the target says so.
   */
  async recordBreach(ticketId: number, kind: DeadlineKind): Promise<TicketBreachOutcome> {
    const done = await transactionWithRetry(this.db, async (em) => {
      const unlocked = await ticketFacts(em, ticketId);
      if (!unlocked || !isLive(unlocked)) return null;
      if (unlocked.accountId !== null) await this.accounts.lock(em, unlocked.accountId);
      const ticket = await ticketFacts(em, ticketId);
      if (!ticket || !isLive(ticket)) return null;
      const due = await this.calculator.dueDates(em, ticket);
      const dueAt = kind === 'first_response' ? due.firstResponseDueAt : due.resolutionDueAt;
      const now = this.clock.now();
      if (!dueAt || !due.target || dueAt.getTime() - CLOCK_TOLERANCE_MS > now.getTime()) return null;
      let breachId: number;
      try {
        breachId = await insertBreach(em, { ticketId, kind, dueAt, breachedAt: now, priorityBefore: ticket.priority });
      } catch (err) {
        if (isDuplicateKey(err)) return null;
        throw err;
      }
      const recipients = await breachRecipients(em, ticket.assigneeUserId, ticket.groupId);
      const emailIds = await this.email.queueLocked(
        em,
        recipients.map((person) => ({
          accountId: null,
          to: person.email,
          ...this.notice(ticket, kind, dueAt, person),
          related: { type: 'ticket', id: ticket.id },
          dedupeKey: `ticket-deadline/${ticket.id}/${kind}/${person.id}`,
        })),
      );
      const accountTaskId = await this.leaveTask(em, ticket, kind, dueAt, recipients);
      const priorityRaised = due.target.raisePriorityOnBreach
        ? await this.tickets.raisePriority(em, ticket.id, `the ${KIND_WORDS[kind].target} was missed`)
        : false;
      await completeBreach(em, breachId, { priorityRaised, notifiedUsers: recipients.length, accountTaskId });
      await this.audit.recordAction(em, {
        action: 'ticket_deadline.breach',
        entityType: 'ticket',
        entityId: ticket.id,
        accountId: ticket.accountId,
        after: {
          ticketId: ticket.id,
          subject: ticket.subject,
          kind,
          dueAt: dueAt.toISOString(),
          notified: recipients.map((r) => r.email),
          accountTaskId,
          priorityRaised,
          priorityBefore: ticket.priority,
        },
        actor: null,
      });
      return { emailIds, priorityRaised };
    });
    if (done) {
      await this.email.startDeliveryLogged(done.emailIds);
      if (done.priorityRaised) await this.events.changed([ticketId]);
    }
    return { ...(await this.step(ticketId)), breached: done !== null };
  }

  /** The ticket's deadlines as last worked out, and its breaches. */
  async state(ticketId: number): Promise<TicketDeadlineStateDto> {
    const em = this.db.manager;
    const ticket = await ticketFacts(em, ticketId);
    if (!ticket) throw new NotFoundException('Ticket', ticketId);
    const saved = await savedDeadlines(em, ticketId);
    const due = saved ?? (await this.calculator.dueDates(em, ticket));
    return {
      ticketId,
      firstResponseDueAt: due.firstResponseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      breaches: await breachesOf(em, ticketId),
    };
  }

  private notice(ticket: TicketFacts, kind: DeadlineKind, dueAt: Date, person: StaffRecipient): { subject: string; text: string } {
    const words = KIND_WORDS[kind];
    const link = `${this.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/admin/#/tickets/${ticket.id}/show`;
    return {
      subject: `Ticket ${ticket.id} missed its ${words.target}: ${ticket.subject}`.slice(0, 255),
      text: [
        `Hello ${person.name},`,
        '',
        `Ticket ${ticket.id}, "${ticket.subject}", passed its ${words.target} at ${dueAt.toISOString()}. ${words.meaning}.`,
        ticket.assigneeUserId === person.id ? 'It is assigned to you.' : 'You are told as a member of its ticket group.',
        '',
        link,
      ].join('\n'),
    };
  }

  /** One task on the account for the people told, assigned to the ticket's assignee; none for a ticket without an account. */
  private async leaveTask(
    em: EntityManager,
    ticket: TicketFacts,
    kind: DeadlineKind,
    dueAt: Date,
    recipients: StaffRecipient[],
  ): Promise<number | null> {
    if (ticket.accountId === null) return null;
    const creator = ticket.assigneeUserId ?? ticket.createdByUserId ?? recipients[0]?.id ?? null;
    if (creator === null) return null;
    const assignee = recipients.some((r) => r.id === ticket.assigneeUserId) ? ticket.assigneeUserId : null;
    const task = await this.tasks.createLocked(em, creator, {
      accountId: ticket.accountId,
      title: `Ticket ${ticket.id} missed its ${KIND_WORDS[kind].target}`.slice(0, 200),
      description: `"${ticket.subject}" was due at ${dueAt.toISOString()}. ${KIND_WORDS[kind].meaning}.`,
      assignedUserId: assignee,
      dueDate: null,
    });
    return task.id;
  }
}
