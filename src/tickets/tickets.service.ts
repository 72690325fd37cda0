import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { transactionWithRetry } from '../database/transaction';
import { AccountFilesService } from '../files/account-files.service';
import { AccountTasksService } from '../notes/account-tasks.service';
import { isActiveStaffUser } from '../users/active-staff-user';
import { CreateAccountTicketDto, CreateTicketDto, CreateTicketLinkDto, TicketResponseDto, UpdateTicketDto } from './dto/ticket.dto';
import { TICKET_PRIORITIES, TicketLinkKind, TicketPriority, TicketSource, TicketVisibility } from './dto/ticket-fields';
import { TicketEvents } from './ticket-events';
import { mergedError, TicketLocks } from './ticket-locks';
import { NewTicketRecipient, recipientInput, TicketRecipientsService } from './ticket-recipients.service';
import { TicketRows } from './ticket-rows';
import { TicketViewsService } from './ticket-views.service';
import { TicketsErrorCode } from './tickets.error-codes';

/** A ticket opened by staff, by mail or from a call; see docs/tickets.md. */
export interface NewTicket {
  accountId: number | null;
  subject: string;
  description?: string | null;
  statusId?: number;
  priority?: TicketPriority;
  groupId?: number | null;
  assigneeUserId?: number | null;
  visibility: TicketVisibility;
  dueDate?: string | null;
  source: TicketSource;
  /** The call the ticket was made from; cleared if the call log is deleted. */
  callLogId?: number | null;
  callLogTicketRequestId?: number | null;
  parentTicketId?: number | null;
  recipients?: NewTicketRecipient[];
}

/** Levels of child tickets below a top ticket, at most. */
export const MAX_TICKET_DEPTH = 5;

const blankToNull = (text: string | null | undefined): string | null => (text === null || text === undefined || !text.trim() ? null : text);

/**
 * The ticket itself: opening, editing and assigning it, its links and its priority. Every change locks the ticket's account first (when it has one), then the ticket
 * row, and writes the action history in the same transaction; listeners (the deadline timers)
 * hear of it after the commit. The conversation, merging and tickets from calls have services
 * of their own beside this one.
 */
@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: TicketRows,
    private readonly locks: TicketLocks,
    private readonly views: TicketViewsService,
    private readonly recipients: TicketRecipientsService,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: TicketEvents,
    private readonly files: AccountFilesService,
    private readonly tasks: AccountTasksService,
  ) {}

  // ---------------------------------------------------------------- the contract other modules use

  /** Opens a ticket inside the caller's transaction; the caller calls TicketEvents.changed([id]) after its commit. */
  async openTicket(em: EntityManager, input: NewTicket, actorUserId: number | null): Promise<number> {
    if (input.accountId !== null) await this.accounts.lock(em, input.accountId);
    const errors: FieldError[] = [];
    const statusId = input.statusId ?? (await this.rows.defaultStatusId(em));
    const status = await this.rows.status(em, statusId);
    if (!status) errors.push({ field: 'statusId', rule: 'exists', message: `ticket status ${statusId} does not exist` });
    if (input.groupId !== undefined && input.groupId !== null) {
      const group = await this.rows.group(em, input.groupId);
      if (!group) errors.push({ field: 'groupId', rule: 'exists', message: `ticket group ${input.groupId} does not exist` });
      else if (group.disabled)
        errors.push({ field: 'groupId', rule: 'enabledGroup', message: `ticket group ${input.groupId} is disabled` });
    }
    if (input.assigneeUserId !== undefined && input.assigneeUserId !== null) {
      await this.checkActiveUser(em, errors, 'assigneeUserId', input.assigneeUserId);
    }
    const recipients = await this.recipients.resolve(em, input.accountId, input.recipients ?? [], errors);
    if (errors.length) throw new BadInputException(errors);
    const parentTicketId = input.parentTicketId ?? null;
    if (parentTicketId !== null) await this.checkParent(em, null, input.accountId, parentTicketId);

    const subject = input.subject.replace(/\s+/g, ' ').trim().slice(0, 200) || '(no subject)';
    const now = this.clock.now();
    const id = await this.rows.insert(
      em,
      {
        accountId: input.accountId,
        subject,
        description: blankToNull(input.description),
        statusId,
        priority: input.priority ?? 'medium',
        groupId: input.groupId ?? null,
        assigneeUserId: input.assigneeUserId ?? null,
        visibility: input.visibility,
        dueDate: input.dueDate ?? null,
        source: input.source,
        callLogId: input.callLogId ?? null,
        callLogTicketRequestId: input.callLogTicketRequestId ?? null,
        parentTicketId,
        closedAt: status?.kind === 'closed' ? now : null,
        createdByUserId: actorUserId,
      },
      now,
    );
    let chosen = recipients;
    if (input.recipients === undefined && input.visibility === 'public' && input.accountId !== null) {
      const primary = await this.rows.primaryContact(em, input.accountId);
      chosen = primary ? [{ contactId: primary.id, address: primary.email.trim() }] : [];
    }
    await this.rows.addRecipients(em, id, chosen);
    await this.audit.recordAction(em, {
      action: 'ticket.create',
      entityType: 'ticket',
      entityId: id,
      accountId: input.accountId,
      after: { ...(await this.views.summary(em, id)), recipients: chosen.map((r) => r.address) },
    });
    return id;
  }

  /** Links a task, file, job or inventory item to the ticket; linking twice is harmless. */
  async link(em: EntityManager, ticketId: number, kind: TicketLinkKind, targetId: number, userId: number | null): Promise<void> {
    const ticket = await this.locks.lockSurvivor(em, ticketId);
    const added = await this.rows.insertLink(em, ticket.id, kind, targetId, userId);
    if (!added) return;
    await this.audit.recordAction(em, {
      action: 'ticket.link',
      entityType: 'ticket',
      entityId: ticket.id,
      accountId: ticket.accountId,
      after: { subject: ticket.subject, kind, targetId },
    });
  }

  /** Raises the priority one step (low → medium → high → critical); false when it is critical already. */
  async raisePriority(em: EntityManager, ticketId: number, reason: string): Promise<boolean> {
    const ticket = await this.locks.lockTicket(em, ticketId);
    const index = TICKET_PRIORITIES.indexOf(ticket.priority);
    if (index >= TICKET_PRIORITIES.length - 1) return false;
    const priority = TICKET_PRIORITIES[index + 1];
    await this.rows.update(em, ticket.id, { priority });
    await this.audit.recordAction(em, {
      action: 'ticket.raise_priority',
      entityType: 'ticket',
      entityId: ticket.id,
      accountId: ticket.accountId,
      before: { subject: ticket.subject, priority: ticket.priority },
      after: { subject: ticket.subject, priority, reason },
    });
    return true;
  }

  // ---------------------------------------------------------------- routes

  async create(dto: CreateTicketDto, user: AuthenticatedUser): Promise<TicketResponseDto> {
    return this.openAndAnswer({ ...dto, accountId: dto.accountId ?? null }, user);
  }

  async createForAccount(accountId: number, dto: CreateAccountTicketDto, user: AuthenticatedUser): Promise<TicketResponseDto> {
    return this.openAndAnswer({ ...dto, accountId }, user);
  }

  private async openAndAnswer(dto: CreateTicketDto & { accountId: number | null }, user: AuthenticatedUser): Promise<TicketResponseDto> {
    const id = await transactionWithRetry(this.db, (em) =>
      this.openTicket(
        em,
        {
          accountId: dto.accountId,
          subject: dto.subject,
          description: dto.description,
          statusId: dto.statusId,
          priority: dto.priority,
          groupId: dto.groupId,
          assigneeUserId: dto.assigneeUserId,
          visibility: dto.visibility,
          dueDate: dto.dueDate,
          source: 'staff',
          parentTicketId: dto.parentTicketId,
          recipients: dto.recipients?.map(recipientInput),
        },
        user.id,
      ),
    );
    await this.events.changed([id]);
    return this.views.get(id);
  }

  async update(id: number, dto: UpdateTicketDto): Promise<TicketResponseDto> {
    if (Object.values(dto).every((value) => value === undefined)) {
      throw new BadInputException([
        {
          field: 'body',
          rule: 'nothingToChange',
          message:
            'give at least one of subject, description, statusId, priority, groupId, assigneeUserId, visibility, dueDate, parentTicketId, accountId',
        },
      ]);
    }
    await transactionWithRetry(this.db, async (em) => {
      let ticket = await this.locks.lockTicket(em, id);
      if (dto.accountId !== undefined && ticket.accountId === null) {
        // Locks the new account too; a ticket without an account locked nothing before.
        await this.accounts.lock(em, dto.accountId);
        ticket = await this.locks.lockTicket(em, id);
      }
      if (ticket.mergedIntoTicketId !== null) throw mergedError(ticket);
      const before = await this.views.summary(em, id);
      const errors: FieldError[] = [];
      const changes: Record<string, unknown> = {};
      if (dto.accountId !== undefined && dto.accountId !== ticket.accountId) {
        if (ticket.accountId !== null) {
          throw new ConflictException(
            TicketsErrorCode.AccountAlreadySet,
            `Ticket #${id} belongs to an account already; its account is set once.`,
          );
        }
        changes.account_id = dto.accountId;
      }
      if (dto.subject !== undefined) changes.subject = dto.subject.trim();
      if (dto.description !== undefined) changes.description = blankToNull(dto.description);
      if (dto.statusId !== undefined && dto.statusId !== ticket.statusId) {
        const status = await this.rows.status(em, dto.statusId);
        if (!status) errors.push({ field: 'statusId', rule: 'exists', message: `ticket status ${dto.statusId} does not exist` });
        else {
          changes.status_id = status.id;
          if (status.kind === 'closed' && ticket.statusKind !== 'closed') changes.closed_at = this.clock.now();
          if (status.kind !== 'closed') changes.closed_at = null;
        }
      }
      if (dto.priority !== undefined) changes.priority = dto.priority;
      if (dto.groupId !== undefined && dto.groupId !== ticket.groupId) {
        if (dto.groupId !== null) {
          const group = await this.rows.group(em, dto.groupId);
          if (!group) errors.push({ field: 'groupId', rule: 'exists', message: `ticket group ${dto.groupId} does not exist` });
          else if (group.disabled)
            errors.push({ field: 'groupId', rule: 'enabledGroup', message: `ticket group ${dto.groupId} is disabled` });
        }
        changes.group_id = dto.groupId;
      }
      if (dto.assigneeUserId !== undefined && dto.assigneeUserId !== ticket.assigneeUserId) {
        if (dto.assigneeUserId !== null) await this.checkActiveUser(em, errors, 'assigneeUserId', dto.assigneeUserId);
        changes.assignee_user_id = dto.assigneeUserId;
      }
      if (dto.visibility !== undefined) changes.visibility = dto.visibility;
      if (dto.dueDate !== undefined) changes.due_date = dto.dueDate;
      if (errors.length) throw new BadInputException(errors);
      if (dto.parentTicketId !== undefined && dto.parentTicketId !== ticket.parentTicketId) {
        const accountId = (changes.account_id as number | undefined) ?? ticket.accountId;
        if (dto.parentTicketId !== null) await this.checkParent(em, id, accountId, dto.parentTicketId);
        changes.parent_ticket_id = dto.parentTicketId;
      }
      await this.rows.update(em, id, changes);
      const after = await this.views.summary(em, id);
      await this.audit.recordAction(em, {
        action: 'ticket.update',
        entityType: 'ticket',
        entityId: id,
        accountId: (changes.account_id as number | undefined) ?? ticket.accountId,
        before,
        after,
      });
    });
    await this.events.changed([id]);
    return this.views.get(id);
  }

  async addLink(id: number, dto: CreateTicketLinkDto, user: AuthenticatedUser): Promise<TicketResponseDto> {
    await transactionWithRetry(this.db, async (em) => {
      const ticket = await this.locks.lockTicket(em, id);
      if (ticket.mergedIntoTicketId !== null) throw mergedError(ticket);
      if (ticket.accountId === null) {
        throw new ConflictException(
          TicketsErrorCode.NoAccount,
          `Ticket #${id} has no account yet; give it an account before linking account records to it.`,
        );
      }
      const owner = await this.targetAccount(em, dto.kind, dto.targetId);
      if (owner !== ticket.accountId) {
        throw new BadInputException([
          {
            field: 'targetId',
            rule: 'sameAccount',
            message: `${dto.kind.replace('_', ' ')} ${dto.targetId} does not belong to the ticket's account`,
          },
        ]);
      }
      await this.link(em, id, dto.kind, dto.targetId, user.id);
    });
    return this.views.get(id);
  }

  async removeLink(id: number, linkId: number): Promise<TicketResponseDto> {
    await transactionWithRetry(this.db, async (em) => {
      const ticket = await this.locks.lockTicket(em, id);
      const link = await this.rows.link(em, id, linkId);
      if (!link) throw new NotFoundException(`Link of ticket ${id}`, linkId);
      await this.rows.deleteLink(em, linkId);
      await this.audit.recordAction(em, {
        action: 'ticket.unlink',
        entityType: 'ticket',
        entityId: id,
        accountId: ticket.accountId,
        before: { subject: ticket.subject, kind: link.kind, targetId: link.targetId },
      });
    });
    return this.views.get(id);
  }

  /**
   * Inside the caller's transaction, when what a link points at is deleted (a job): every ticket
   * linking to it loses the link, each in its own audit entry. The caller holds the target's account
   * lock, which is the tickets' account too, since links never cross accounts.
   */
  async unlinkDeleted(em: EntityManager, kind: TicketLinkKind, targetId: number): Promise<void> {
    for (const link of await this.rows.linksTo(em, kind, targetId)) {
      const ticket = await this.rows.accountOf(em, link.ticketId);
      await this.rows.deleteLink(em, link.id);
      await this.audit.recordAction(em, {
        action: 'ticket.unlink',
        entityType: 'ticket',
        entityId: link.ticketId,
        accountId: ticket?.accountId ?? null,
        before: { kind, targetId },
        after: null,
      });
    }
  }

  // ---------------------------------------------------------------- inside

  /** The parent must exist, not be merged, share the account, and never sit below the child; nesting stops at MAX_TICKET_DEPTH. */
  private async checkParent(em: EntityManager, childId: number | null, accountId: number | null, parentId: number): Promise<void> {
    const parent = await this.rows.core(em, parentId);
    if (!parent) {
      throw new BadInputException([{ field: 'parentTicketId', rule: 'exists', message: `ticket ${parentId} does not exist` }]);
    }
    if (parent.mergedIntoTicketId !== null) throw mergedError(parent);
    if (parent.accountId !== null && accountId !== null && parent.accountId !== accountId) {
      throw new ConflictException(
        TicketsErrorCode.DifferentAccounts,
        `Ticket #${parentId} belongs to another account; a child ticket stays on its parent's account.`,
      );
    }
    const ancestors = await this.rows.ancestors(em, parentId);
    if (childId !== null && (parentId === childId || ancestors.includes(childId))) {
      throw new ConflictException(
        TicketsErrorCode.ParentCycle,
        `Ticket #${parentId} is ticket #${childId} itself or one of its children; a ticket cannot be its own parent.`,
      );
    }
    const below = childId === null ? 0 : await this.rows.depthBelow(em, childId);
    if (ancestors.length + 1 + below > MAX_TICKET_DEPTH) {
      throw new ConflictException(
        TicketsErrorCode.ParentCycle,
        `Child tickets nest at most ${MAX_TICKET_DEPTH} levels deep; ticket #${parentId} is too deep to take this child.`,
      );
    }
  }

  private async checkActiveUser(em: EntityManager, errors: FieldError[], field: string, userId: number): Promise<void> {
    if (!(await isActiveStaffUser(em, userId))) {
      errors.push({ field, rule: 'activeUser', message: `staff user ${userId} does not exist or is deactivated` });
    }
  }

  private async targetAccount(em: EntityManager, kind: TicketLinkKind, targetId: number): Promise<number | null> {
    switch (kind) {
      case 'task':
        return (await this.tasks.get(targetId)).accountId;
      case 'file':
        return (await this.files.get(targetId)).accountId;
      case 'inventory_item': {
        const item = await this.rows.inventoryItemAccount(em, targetId);
        if (!item) throw new NotFoundException('Inventory item', targetId);
        return item.accountId;
      }
      case 'job':
        return null;
    }
  }
}
