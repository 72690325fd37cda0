import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { ConflictException, NotFoundException } from '../common/errors';
import { TicketCore, TicketRows } from './ticket-rows';
import { TicketsErrorCode } from './tickets.error-codes';

/** How many merges a message follows to find the surviving ticket. */
const MERGE_HOPS_MAX = 20;

/** The refusal of any change to a ticket that was merged into another. */
export function mergedError(ticket: TicketCore): ConflictException {
  return new ConflictException(
    TicketsErrorCode.TicketMerged,
    `Ticket #${ticket.id} was merged into ticket #${ticket.mergedIntoTicketId}; work on that ticket instead.`,
  );
}

/** The order every change to a ticket takes its locks in: the ticket's account (when it has one), then the ticket row. */
@Injectable()
export class TicketLocks {
  constructor(
    private readonly rows: TicketRows,
    private readonly accounts: AccountLockService,
  ) {}

  /** Locks the ticket's account (when it has one), then the ticket row; the account may not change while we wait. */
  async lockTicket(em: EntityManager, id: number): Promise<TicketCore> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const owner = await this.rows.accountOf(em, id);
      if (!owner) throw new NotFoundException('Ticket', id);
      if (owner.accountId !== null) await this.accounts.lock(em, owner.accountId);
      const core = await this.rows.core(em, id, true);
      if (!core) throw new NotFoundException('Ticket', id);
      if (core.accountId === owner.accountId) return core;
    }
    throw new ConflictException(TicketsErrorCode.AccountAlreadySet, `Ticket #${id} kept changing its account; try again.`);
  }

  /** The ticket, or the one it was merged into (following merges), locked. */
  async lockSurvivor(em: EntityManager, id: number): Promise<TicketCore> {
    let current = id;
    for (let hop = 0; hop < MERGE_HOPS_MAX; hop += 1) {
      const ticket = await this.lockTicket(em, current);
      if (ticket.mergedIntoTicketId === null) return ticket;
      current = ticket.mergedIntoTicketId;
    }
    throw new ConflictException(TicketsErrorCode.TicketMerged, `Ticket #${id} was merged too many times over to follow.`);
  }
}
