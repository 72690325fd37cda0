import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { BadInputException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { transactionWithRetry } from '../database/transaction';
import { CallLogRow, CallLogRows } from './call-log-rows';
import { CallLogFilterDto, CallLogResponseDto, CallLogSortField, CreateCallLogDto, UpdateCallLogDto } from './dto/call-log.dto';
import { isActiveStaffUser } from '../users/active-staff-user';
import { CallLogTicketRequestResponseDto, CreateCallLogTicketRequestDto } from './dto/call-log-ticket-request.dto';

/**
 * A panel's clock and ours never agree to the millisecond; a call logged "now" from
 * a browser a few seconds ahead must not be refused as a call in the future.
 */
const CLOCK_SKEW_MS = 60_000;

/**
 * Calls with a subscriber, logged by staff. Each change locks the account row first
 * (as notes and tasks do), so edits of one account serialize, and writes the
 * action history in the same transaction.
 */
@Injectable()
export class CallLogsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: CallLogRows,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(accountId: number, query: ListQuery<CallLogFilterDto, CallLogSortField>): Promise<ListResult<CallLogResponseDto>> {
    const [account]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
    if (!account) throw new NotFoundException('Account', accountId);
    const { q, attendantUserId, calledFrom, calledTo, id } = query.filter;
    const { rows, total } = await this.rows.listForAccount(
      this.db.manager,
      accountId,
      {
        q,
        attendantUserId,
        calledFrom: calledFrom ? new Date(calledFrom) : undefined,
        calledTo: calledTo ? new Date(calledTo) : undefined,
        ids: id,
      },
      query.sort,
      query.offset,
      query.limit,
    );
    return new ListResult('call-logs', await this.withTickets(this.db.manager, rows), total, query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<CallLogResponseDto> {
    const [call] = await this.withTickets(em, [await this.rows.require(em, id)]);
    return call;
  }

  async create(accountId: number, dto: CreateCallLogDto, user: AuthenticatedUser): Promise<CallLogResponseDto> {
    const calledAt = dto.calledAt === undefined ? this.clock.now() : this.checkCalledAt(dto.calledAt);
    return transactionWithRetry(this.db, async (em) => {
      await this.accounts.lock(em, accountId);
      const attendantUserId = dto.attendantUserId ?? user.id;
      if (dto.attendantUserId !== undefined) await this.assertActiveUser(em, 'attendantUserId', dto.attendantUserId);
      const id = await this.rows.insert(em, {
        accountId,
        subject: dto.subject.trim(),
        durationSeconds: dto.durationSeconds,
        attendantUserId,
        calledAt,
        notes: blankToNull(dto.notes),
        createdBy: user.id,
      });
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'call_log.create',
        entityType: 'call_log',
        entityId: id,
        accountId,
        before: null,
        after: { ...after },
      });
      return after;
    });
  }

  async update(id: number, dto: UpdateCallLogDto): Promise<CallLogResponseDto> {
    if (Object.values(dto).every((value) => value === undefined)) {
      throw new BadInputException([
        {
          field: 'body',
          rule: 'nothingToChange',
          message: 'give at least one of subject, durationSeconds, attendantUserId, calledAt, notes',
        },
      ]);
    }
    const calledAt = dto.calledAt === undefined ? undefined : this.checkCalledAt(dto.calledAt);
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.loadLocked(em, id);
      if (dto.attendantUserId !== undefined && dto.attendantUserId !== before.attendantUserId) {
        await this.assertActiveUser(em, 'attendantUserId', dto.attendantUserId);
      }
      await this.rows.update(em, id, {
        subject: dto.subject?.trim(),
        durationSeconds: dto.durationSeconds,
        attendantUserId: dto.attendantUserId,
        calledAt,
        notes: dto.notes === undefined ? undefined : blankToNull(dto.notes),
      });
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'call_log.update',
        entityType: 'call_log',
        entityId: id,
        accountId: after.accountId,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /** The ticket requests stay: their link is cleared and they keep their own copy of what the ticket needs. */
  async delete(id: number): Promise<CallLogResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = await this.loadLocked(em, id);
      await this.rows.delete(em, id);
      await this.audit.recordAction(em, {
        action: 'call_log.delete',
        entityType: 'call_log',
        entityId: id,
        accountId: before.accountId,
        before: { ...before },
        after: null,
      });
      return before;
    });
  }

  /** Keeps what a ticket made from this call will need; the tickets module turns pending requests into tickets. */
  async requestTicket(id: number, dto: CreateCallLogTicketRequestDto, user: AuthenticatedUser): Promise<CallLogTicketRequestResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const call = await this.loadLocked(em, id);
      let assigneeUserId: number | null;
      if (dto.assigneeUserId !== undefined) {
        await this.assertActiveUser(em, 'assigneeUserId', dto.assigneeUserId);
        assigneeUserId = dto.assigneeUserId;
      } else {
        // A ticket given to someone who has left would wait for nobody; unassigned, it shows up in the queue.
        assigneeUserId = (await isActiveStaffUser(em, call.attendantUserId)) ? call.attendantUserId : null;
      }
      const requestId = await this.rows.insertTicketRequest(em, {
        callLogId: id,
        kind: dto.kind,
        subject: dto.subject?.trim() ?? call.subject,
        description: dto.description === undefined ? call.notes : blankToNull(dto.description),
        accountId: call.accountId,
        assigneeUserId,
        createdBy: user.id,
      });
      const after = await this.rows.ticketRequest(em, requestId);
      await this.audit.recordAction(em, {
        action: 'call_log_ticket_request.create',
        entityType: 'call_log_ticket_request',
        entityId: requestId,
        accountId: call.accountId,
        before: null,
        after: { ...after },
      });
      return after;
    });
  }

  /**
   * What a ticket made straight from a call takes from it, inside the caller's transaction (which
   * has locked the account): its account, subject, notes, and its attendant while still active.
   */
  async ticketDefaults(
    em: EntityManager,
    id: number,
  ): Promise<{ accountId: number; subject: string; notes: string | null; activeAttendantUserId: number | null }> {
    const call = await this.rows.require(em, id);
    const active = await isActiveStaffUser(em, call.attendantUserId);
    return {
      accountId: call.accountId,
      subject: call.subject,
      notes: call.notes,
      activeAttendantUserId: active ? call.attendantUserId : null,
    };
  }

  /** The account a ticket request belongs to, so the caller can lock it first; null when there is no such request. */
  async ticketRequestAccount(em: EntityManager, id: number): Promise<number | null> {
    return this.rows.ticketRequestAccount(em, id);
  }

  async ticketRequestLocked(em: EntityManager, id: number): Promise<CallLogTicketRequestResponseDto> {
    return this.rows.ticketRequest(em, id);
  }

  /** Marks a ticket request as turned into a ticket, inside the caller's transaction, and audits it. */
  async markTicketRequestConverted(em: EntityManager, id: number, ticketId: number): Promise<void> {
    const before = await this.rows.ticketRequest(em, id);
    if (before.status === 'converted') return;
    await this.rows.markTicketRequestConverted(em, id);
    const after = await this.rows.ticketRequest(em, id);
    await this.audit.recordAction(em, {
      action: 'call_log_ticket_request.convert',
      entityType: 'call_log_ticket_request',
      entityId: id,
      accountId: before.accountId,
      before: { ...before },
      after: { ...after, ticketId },
    });
  }

  /** Locks the owning account, then reads the call again: another clerk may have changed or deleted it while we waited. */
  private async loadLocked(em: EntityManager, id: number): Promise<CallLogResponseDto> {
    const accountId = await this.rows.accountOf(em, id);
    if (accountId === null) throw new NotFoundException('Call log', id);
    await this.accounts.lock(em, accountId);
    return this.get(id, em);
  }

  private checkCalledAt(text: string): Date {
    const calledAt = new Date(text);
    const errors: FieldError[] = [];
    if (calledAt.getTime() > this.clock.now().getTime() + CLOCK_SKEW_MS) {
      errors.push({ field: 'calledAt', rule: 'notFuture', message: `calledAt must not be in the future (it is ${text})` });
    }
    if (calledAt.getUTCFullYear() < 1970) errors.push({ field: 'calledAt', rule: 'range', message: 'calledAt must be after 1970' });
    if (errors.length) throw new BadInputException(errors);
    return calledAt;
  }

  private async assertActiveUser(em: EntityManager, field: string, userId: number): Promise<void> {
    if (!(await isActiveStaffUser(em, userId))) {
      throw new BadInputException([{ field, rule: 'activeUser', message: `staff user ${userId} does not exist or is deactivated` }]);
    }
  }

  private async withTickets(em: EntityManager, rows: CallLogRow[]): Promise<CallLogResponseDto[]> {
    const ids = rows.map((row) => row.id);
    const requests = await this.rows.ticketRequestsOf(em, ids);
    const tickets = await this.rows.ticketsOf(em, ids);
    return rows.map((row) => ({ ...row, ticketRequests: requests.get(row.id) ?? [], tickets: tickets.get(row.id) ?? [] }));
  }
}

function blankToNull(text: string | null | undefined): string | null {
  return text === null || text === undefined || !text.trim() ? null : text;
}
