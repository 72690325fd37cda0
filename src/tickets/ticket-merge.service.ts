import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { transactionWithRetry } from '../database/transaction';
import { MergeTicketDto, TicketResponseDto } from './dto/ticket.dto';
import { TicketEvents } from './ticket-events';
import { mergedError } from './ticket-locks';
import { TicketCore, TicketRows } from './ticket-rows';
import { TicketViewsService } from './ticket-views.service';
import { TicketsErrorCode } from './tickets.error-codes';

/**
 * Merges one ticket into another: its conversation, links and child tickets move to the
 * survivor, which gains its recipients too (TicketRows.moveForMerge); the merged ticket is
 * closed pointing at the survivor, so mail answering it still lands there.
 */
@Injectable()
export class TicketMergeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: TicketRows,
    private readonly views: TicketViewsService,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: TicketEvents,
  ) {}

  async merge(id: number, dto: MergeTicketDto): Promise<TicketResponseDto> {
    if (dto.intoTicketId === id) {
      throw new BadInputException([{ field: 'intoTicketId', rule: 'notSelf', message: 'a ticket cannot be merged into itself' }]);
    }
    await transactionWithRetry(this.db, async (em) => {
      // Both accounts first, in id order (lockFamilies orders them), then both tickets in id order.
      const [sourceAccount, targetAccount] = [await this.rows.accountOf(em, id), await this.rows.accountOf(em, dto.intoTicketId)];
      if (!sourceAccount) throw new NotFoundException('Ticket', id);
      if (!targetAccount) throw new NotFoundException('Ticket', dto.intoTicketId);
      const accountIds = [sourceAccount.accountId, targetAccount.accountId].filter((a): a is number => a !== null);
      await this.accounts.lockFamilies(em, accountIds);
      const [first, second] = [id, dto.intoTicketId].sort((a, b) => a - b);
      const locked = new Map<number, TicketCore>();
      for (const ticketId of [first, second]) {
        const core = await this.rows.core(em, ticketId, true);
        if (!core) throw new NotFoundException('Ticket', ticketId);
        locked.set(ticketId, core);
      }
      const source = locked.get(id) as TicketCore;
      const target = locked.get(dto.intoTicketId) as TicketCore;
      if (source.accountId !== sourceAccount.accountId || target.accountId !== targetAccount.accountId) {
        // An account was set on one of them between the look and the lock; the retry sees it.
        throw new ConflictException(TicketsErrorCode.DifferentAccounts, 'One of the tickets changed while merging; try again.');
      }
      if (source.mergedIntoTicketId !== null) throw mergedError(source);
      if (target.mergedIntoTicketId !== null) throw mergedError(target);
      if (source.accountId !== null && target.accountId !== null && source.accountId !== target.accountId) {
        throw new ConflictException(
          TicketsErrorCode.DifferentAccounts,
          `Ticket #${id} and ticket #${target.id} belong to different accounts and cannot be merged.`,
        );
      }
      const descendants = await this.rows.descendants(em, id);
      if (descendants.includes(target.id)) {
        throw new ConflictException(
          TicketsErrorCode.MergeCycle,
          `Ticket #${target.id} is a child of ticket #${id}; merging a ticket into its own child would make a loop. Detach the child first.`,
        );
      }
      const before = { source: await this.views.summary(em, id), target: await this.views.summary(em, target.id) };
      await this.rows.moveForMerge(em, id, target.id);
      // A source without an account gives its conversation to an account's ticket; the survivor keeps its own account.
      const closedStatusId = await this.rows.firstClosedStatusId(em);
      const now = this.clock.now();
      await this.rows.update(em, id, {
        merged_into_ticket_id: target.id,
        status_id: closedStatusId,
        closed_at: source.closedAt ?? now,
        parent_ticket_id: source.parentTicketId === target.id ? null : source.parentTicketId,
      });
      await this.rows.update(em, target.id, { last_activity_at: now });
      if (target.accountId === null && source.accountId !== null) await this.rows.update(em, target.id, { account_id: source.accountId });
      await this.audit.recordAction(em, {
        action: 'ticket.merge',
        entityType: 'ticket',
        entityId: id,
        accountId: source.accountId ?? target.accountId,
        before: before.source,
        after: { ...(await this.views.summary(em, id)), intoTicketId: target.id, intoSubject: target.subject },
      });
      if (target.accountId === null && source.accountId !== null) {
        await this.audit.recordAction(em, {
          action: 'ticket.update',
          entityType: 'ticket',
          entityId: target.id,
          accountId: source.accountId,
          before: before.target,
          after: await this.views.summary(em, target.id),
        });
      }
    });
    await this.events.changed([id, dto.intoTicketId]);
    return this.views.get(dto.intoTicketId);
  }
}
