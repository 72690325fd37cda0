import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CallLogsService } from '../call-logs/call-logs.service';
import { NotFoundException } from '../common/errors';
import { transactionWithRetry } from '../database/transaction';
import { isActiveStaffUser } from '../users/active-staff-user';
import { CreateCallLogTicketDto, TicketResponseDto } from './dto/ticket.dto';
import { TicketEvents } from './ticket-events';
import { TicketRows } from './ticket-rows';
import { TicketViewsService } from './ticket-views.service';
import { TicketsService } from './tickets.service';

/** Tickets that start from a call: opened straight from a call log, or from a ticket request kept on one. */
@Injectable()
export class TicketCallLogsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tickets: TicketsService,
    private readonly views: TicketViewsService,
    private readonly rows: TicketRows,
    private readonly accounts: AccountLockService,
    private readonly events: TicketEvents,
    private readonly callLogs: CallLogsService,
  ) {}

  /** Opens a ticket straight from a call, as the call log's Create Internal/Public Ticket does. */
  async fromCallLog(callLogId: number, dto: CreateCallLogTicketDto, user: AuthenticatedUser): Promise<TicketResponseDto> {
    const id = await transactionWithRetry(this.db, async (em) => {
      // The call's account never changes, so it is safe to lock it after an unlocked look; the call is read again under the lock.
      const { accountId } = await this.callLogs.ticketDefaults(em, callLogId);
      await this.accounts.lock(em, accountId);
      const fresh = await this.callLogs.ticketDefaults(em, callLogId);
      return this.tickets.openTicket(
        em,
        {
          accountId: fresh.accountId,
          subject: dto.subject?.trim() ?? fresh.subject,
          description: dto.description === undefined ? fresh.notes : dto.description,
          assigneeUserId: dto.assigneeUserId ?? fresh.activeAttendantUserId,
          visibility: dto.kind,
          source: 'call_log',
          callLogId,
        },
        user.id,
      );
    });
    await this.events.changed([id]);
    return this.views.get(id);
  }

  /** Turns a kept ticket request into its ticket, once: a second call answers the same ticket. */
  async convertTicketRequest(requestId: number, user: AuthenticatedUser): Promise<{ created: boolean; ticket: TicketResponseDto }> {
    const { id, created } = await transactionWithRetry(this.db, async (em) => {
      const accountId = await this.callLogs.ticketRequestAccount(em, requestId);
      if (accountId === null) throw new NotFoundException('Ticket request', requestId);
      await this.accounts.lock(em, accountId);
      const existing = await this.rows.byCallLogTicketRequest(em, requestId);
      if (existing !== null) return { id: existing, created: false };
      const request = await this.callLogs.ticketRequestLocked(em, requestId);
      const assigneeUserId =
        request.assigneeUserId !== null && (await isActiveStaffUser(em, request.assigneeUserId)) ? request.assigneeUserId : null;
      const ticketId = await this.tickets.openTicket(
        em,
        {
          accountId: request.accountId,
          subject: request.subject,
          description: request.description,
          assigneeUserId,
          visibility: request.kind,
          source: 'call_log',
          callLogId: request.callLogId,
          callLogTicketRequestId: requestId,
        },
        user.id,
      );
      await this.callLogs.markTicketRequestConverted(em, requestId, ticketId);
      return { id: ticketId, created: true };
    });
    if (created) await this.events.changed([id]);
    return { created, ticket: await this.views.get(id) };
  }
}
