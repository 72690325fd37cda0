import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { billingToday } from '../billing-config/billing-date';
import { CallLogsService } from '../call-logs/call-logs.service';
import { Clock } from '../common/clock';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { isEmailAddress, mailboxAddress } from '../email/email-address';
import { EmailService, OutgoingEmail } from '../email/email.service';
import { AccountFilesService } from '../files/account-files.service';
import { contentDisposition } from '../files/content-disposition';
import { FileStorage } from '../files/file-storage';
import { AccountTasksService } from '../notes/account-tasks.service';
import {
  CreateAccountTicketDto,
  CreateCallLogTicketDto,
  CreateTicketDto,
  CreateTicketLinkDto,
  CreateTicketMessageDto,
  MergeTicketDto,
  ReplaceTicketRecipientsDto,
  TicketFilterDto,
  TicketLinkDto,
  TicketRecipientInputDto,
  TicketResponseDto,
  TicketRowDto,
  TicketSortField,
  UpdateTicketDto,
} from './dto/ticket.dto';
import { TICKET_PRIORITIES, TicketLinkKind, TicketPriority, TicketSource, TicketVisibility } from './dto/ticket-fields';
import { TicketEvents } from './ticket-events';
import { replySubject, ticketMessageId } from './ticket-reference';
import { TicketCore, TicketRows } from './ticket-rows';
import { isActiveStaffUser } from '../users/active-staff-user';
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

/** A contact of the ticket's account (whose address is read from it) or a bare address: exactly one of the two. */
export interface NewTicketRecipient {
  contactId?: number | null;
  address?: string | null;
}

export interface NewTicketAttachment {
  name: string;
  mimeType: string;
  sizeBytes: number;
  /** Where FileStorage holds the bytes already. */
  storageKey: string;
}

export interface NewTicketMessage {
  kind: 'public_reply' | 'internal_comment' | 'inbound';
  authorUserId: number | null;
  fromAddress?: string | null;
  bodyText: string;
  /** Already sanitised by whoever received it. */
  bodyHtml?: string | null;
  messageId?: string | null;
  inReplyTo?: string | null;
  attachments?: NewTicketAttachment[];
}

/** Levels of child tickets below a top ticket, at most. */
export const MAX_TICKET_DEPTH = 5;
/** Message-IDs a reply's References header carries at most: the thread's first and its latest. */
const REFERENCES_MAX = 20;
/** How many merges a message follows to find the surviving ticket. */
const MERGE_HOPS_MAX = 20;

/** Mime types a browser would run or render as a page are handed out as bytes only. */
const RISKY_TYPES =
  /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|application\/javascript|text\/javascript)/i;

const blankToNull = (text: string | null | undefined): string | null => (text === null || text === undefined || !text.trim() ? null : text);

/**
 * The helpdesk: tickets, their conversation and links. Every change locks the ticket's
 * account first (when it has one), then the ticket row, and writes the action history in
 * the same transaction; listeners (the deadline timers) hear of it after the commit.
 */
@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rows: TicketRows,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: TicketEvents,
    private readonly email: EmailService,
    private readonly callLogs: CallLogsService,
    private readonly files: AccountFilesService,
    private readonly storage: FileStorage,
    private readonly tasks: AccountTasksService,
  ) {}

  private today(): string {
    return billingToday(this.clock, this.config.BILLING_TIME_ZONE);
  }

  // ---------------------------------------------------------------- reading

  async list(query: ListQuery<TicketFilterDto, TicketSortField>, accountId?: number): Promise<ListResult<TicketRowDto>> {
    if (accountId !== undefined) {
      const [account]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
      if (!account) throw new NotFoundException('Account', accountId);
    }
    const f = query.filter;
    const { rows, total } = await this.rows.list(
      this.db.manager,
      {
        q: f.q,
        statusId: f.statusId,
        statusKind: f.statusKind,
        groupId: f.groupId,
        assigneeUserId: f.assigneeUserId,
        unassigned: f.unassigned,
        priority: f.priority,
        overdue: f.overdue,
        accountId: accountId ?? f.accountId,
        withoutAccount: accountId !== undefined ? undefined : f.withoutAccount,
        visibility: f.visibility,
        merged: f.merged,
        ids: f.id,
      },
      this.today(),
      query.sort,
      query.offset,
      query.limit,
    );
    return new ListResult('tickets', rows, total, query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<TicketResponseDto> {
    const row = await this.rows.detailRow(em, id, this.today());
    if (!row) throw new NotFoundException('Ticket', id);
    const [parent] = row.parentTicketId ? await this.rows.refs(em, 't.id = ?', [row.parentTicketId]) : [];
    const [mergedInto] = row.mergedIntoTicketId ? await this.rows.refs(em, 't.id = ?', [row.mergedIntoTicketId]) : [];
    return {
      ...row,
      parent: parent ?? null,
      children: await this.rows.refs(em, 't.parent_ticket_id = ?', [id]),
      mergedInto: mergedInto ?? null,
      mergedFrom: await this.rows.mergedFrom(em, id),
      recipients: await this.rows.recipients(em, id),
      links: await this.labelled(em, await this.rows.links(em, id)),
      messages: await this.rows.messages(em, id),
    };
  }

  private async labelled(em: EntityManager, links: Omit<TicketLinkDto, 'label'>[]): Promise<TicketLinkDto[]> {
    const items = await this.rows.inventoryLabels(
      em,
      links.filter((l) => l.kind === 'inventory_item').map((l) => l.targetId),
    );
    const out: TicketLinkDto[] = [];
    for (const link of links) {
      let label: string | null = null;
      if (link.kind === 'inventory_item') label = items.get(link.targetId) ?? null;
      if (link.kind === 'job') label = `Job #${link.targetId}`;
      if (link.kind === 'task')
        label = await this.tasks.get(link.targetId).then(
          (t) => t.title,
          () => null,
        );
      if (link.kind === 'file')
        label = await this.files.get(link.targetId).then(
          (f) => f.name,
          () => null,
        );
      out.push({ ...link, label });
    }
    return out;
  }

  async downloadAttachment(id: number): Promise<StreamableFile> {
    const attachment = await this.rows.attachment(this.db.manager, id);
    if (!attachment) throw new NotFoundException('Attachment', id);
    const path = this.storage.pathOf(attachment.storageKey);
    try {
      await stat(path);
    } catch {
      throw new NotFoundException(`Content of attachment ${id}`, 'on disk');
    }
    const type =
      RISKY_TYPES.test(attachment.mimeType) || !/^[\w.+-]+\/[\w.+-]+$/.test(attachment.mimeType)
        ? 'application/octet-stream'
        : attachment.mimeType;
    return new StreamableFile(createReadStream(path), {
      type,
      length: attachment.sizeBytes,
      disposition: contentDisposition('attachment', attachment.name),
    });
  }

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
    const recipients = await this.resolveRecipients(em, input.accountId, input.recipients ?? [], errors);
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
      after: { ...(await this.summary(em, id)), recipients: chosen.map((r) => r.address) },
    });
    return id;
  }

  /**
   * Adds a message inside the caller's transaction, on the ticket the given one was merged
   * into if it was. Mail that came in reopens a pending or closed ticket. A public reply is
   * queued to every recipient (its delivery starts after the commit: postMessage does that;
   * other callers leave it to the email dispatcher, which starts it within minutes).
   */
  async addMessage(em: EntityManager, ticketId: number, input: NewTicketMessage): Promise<{ messageId: number; ticketId: number }> {
    const { messageId, ticketId: survivor } = await this.addMessageQueued(em, ticketId, input);
    return { messageId, ticketId: survivor };
  }

  /** Links a task, file, job or inventory item to the ticket; linking twice is harmless. */
  async link(em: EntityManager, ticketId: number, kind: TicketLinkKind, targetId: number, userId: number | null): Promise<void> {
    const ticket = await this.lockSurvivor(em, ticketId);
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
    const ticket = await this.lockTicket(em, ticketId);
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
          recipients: dto.recipients?.map((r) => this.recipientInput(r)),
        },
        user.id,
      ),
    );
    await this.events.changed([id]);
    return this.get(id);
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
      let ticket = await this.lockTicket(em, id);
      if (dto.accountId !== undefined && ticket.accountId === null) {
        // Locks the new account too; a ticket without an account locked nothing before.
        await this.accounts.lock(em, dto.accountId);
        ticket = await this.lockTicket(em, id);
      }
      if (ticket.mergedIntoTicketId !== null) throw this.mergedError(ticket);
      const before = await this.summary(em, id);
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
      const after = await this.summary(em, id);
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
    return this.get(id);
  }

  async replaceRecipients(id: number, dto: ReplaceTicketRecipientsDto): Promise<TicketResponseDto> {
    await transactionWithRetry(this.db, async (em) => {
      const ticket = await this.lockTicket(em, id);
      if (ticket.mergedIntoTicketId !== null) throw this.mergedError(ticket);
      const errors: FieldError[] = [];
      const recipients = await this.resolveRecipients(
        em,
        ticket.accountId,
        dto.recipients.map((r) => this.recipientInput(r)),
        errors,
      );
      if (errors.length) throw new BadInputException(errors);
      const before = (await this.rows.recipients(em, id)).map((r) => r.address);
      await this.rows.replaceRecipients(em, id, recipients);
      await this.audit.recordAction(em, {
        action: 'ticket.recipients',
        entityType: 'ticket',
        entityId: id,
        accountId: ticket.accountId,
        before: { subject: ticket.subject, recipients: before },
        after: { subject: ticket.subject, recipients: recipients.map((r) => r.address) },
      });
    });
    return this.get(id);
  }

  async postMessage(id: number, dto: CreateTicketMessageDto, user: AuthenticatedUser): Promise<TicketResponseDto> {
    const { ticketId, emailIds } = await transactionWithRetry(this.db, (em) =>
      this.addMessageQueued(em, id, { kind: dto.kind, authorUserId: user.id, bodyText: dto.bodyText }),
    );
    if (emailIds.length) await this.email.startDeliveryLogged(emailIds);
    await this.events.changed([ticketId]);
    return this.get(ticketId);
  }

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
      if (source.mergedIntoTicketId !== null) throw this.mergedError(source);
      if (target.mergedIntoTicketId !== null) throw this.mergedError(target);
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
      const before = { source: await this.summary(em, id), target: await this.summary(em, target.id) };
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
        after: { ...(await this.summary(em, id)), intoTicketId: target.id, intoSubject: target.subject },
      });
      if (target.accountId === null && source.accountId !== null) {
        await this.audit.recordAction(em, {
          action: 'ticket.update',
          entityType: 'ticket',
          entityId: target.id,
          accountId: source.accountId,
          before: before.target,
          after: await this.summary(em, target.id),
        });
      }
    });
    await this.events.changed([id, dto.intoTicketId]);
    return this.get(dto.intoTicketId);
  }

  async addLink(id: number, dto: CreateTicketLinkDto, user: AuthenticatedUser): Promise<TicketResponseDto> {
    await transactionWithRetry(this.db, async (em) => {
      const ticket = await this.lockTicket(em, id);
      if (ticket.mergedIntoTicketId !== null) throw this.mergedError(ticket);
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
    return this.get(id);
  }

  async removeLink(id: number, linkId: number): Promise<TicketResponseDto> {
    await transactionWithRetry(this.db, async (em) => {
      const ticket = await this.lockTicket(em, id);
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
    return this.get(id);
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

  /** Opens a ticket straight from a call, as the call log's Create Internal/Public Ticket does. */
  async fromCallLog(callLogId: number, dto: CreateCallLogTicketDto, user: AuthenticatedUser): Promise<TicketResponseDto> {
    const id = await transactionWithRetry(this.db, async (em) => {
      // The call's account never changes, so it is safe to lock it after an unlocked look; the call is read again under the lock.
      const { accountId } = await this.callLogs.ticketDefaults(em, callLogId);
      await this.accounts.lock(em, accountId);
      const fresh = await this.callLogs.ticketDefaults(em, callLogId);
      return this.openTicket(
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
    return this.get(id);
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
      const ticketId = await this.openTicket(
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
    return { created, ticket: await this.get(id) };
  }

  // ---------------------------------------------------------------- inside

  private async addMessageQueued(
    em: EntityManager,
    ticketId: number,
    input: NewTicketMessage,
  ): Promise<{ messageId: number; ticketId: number; emailIds: number[] }> {
    const ticket = await this.lockSurvivor(em, ticketId);
    if (input.kind === 'public_reply' && ticket.visibility === 'internal') {
      throw new ConflictException(
        TicketsErrorCode.InternalTicketNoReply,
        `Ticket #${ticket.id} is internal, so nothing is emailed from it; make it public first, or write an internal comment.`,
      );
    }
    const recipients = input.kind === 'public_reply' ? await this.rows.recipients(em, ticket.id) : [];
    if (input.kind === 'public_reply' && !recipients.length) {
      throw new ConflictException(
        TicketsErrorCode.NoRecipients,
        `Ticket #${ticket.id} has no recipients, so a public reply would reach nobody; add a recipient first.`,
      );
    }
    const now = this.clock.now();
    const thread = input.kind === 'public_reply' ? await this.rows.threadMessageIds(em, ticket.id) : [];
    const messageId = await this.rows.insertMessage(em, {
      ticketId: ticket.id,
      kind: input.kind,
      authorUserId: input.authorUserId,
      fromAddress: input.fromAddress ?? null,
      bodyText: input.bodyText,
      bodyHtml: input.bodyHtml ?? null,
      messageId: input.messageId ?? null,
      inReplyTo: input.inReplyTo ?? null,
      createdAt: now,
    });

    const changes: Record<string, unknown> = { last_activity_at: now };
    let reopenedTo: number | null = null;
    if (input.kind === 'inbound' && ticket.statusKind !== 'open') {
      reopenedTo = await this.rows.defaultStatusId(em);
      changes.status_id = reopenedTo;
      changes.closed_at = null;
    }
    if (input.kind === 'public_reply' && ticket.firstRespondedAt === null) changes.first_responded_at = now;
    await this.rows.update(em, ticket.id, changes);

    for (const attachment of input.attachments ?? []) {
      const accountFileId =
        ticket.accountId === null
          ? null
          : await this.files.registerLocked(em, {
              accountId: ticket.accountId,
              name: attachment.name,
              storageKey: attachment.storageKey,
              sizeBytes: attachment.sizeBytes,
              mimeType: attachment.mimeType,
              uploadedByUserId: null,
            });
      await this.rows.insertAttachment(em, {
        messageId,
        name: attachment.name.slice(0, 255) || 'attachment',
        mimeType: attachment.mimeType.slice(0, 100),
        sizeBytes: attachment.sizeBytes,
        storageKey: attachment.storageKey,
        accountFileId,
      });
    }

    let emailIds: number[] = [];
    if (input.kind === 'public_reply') {
      emailIds = await this.queueReply(em, ticket, messageId, input.bodyText, recipients, thread);
    }
    await this.audit.recordAction(em, {
      action: `ticket.${input.kind}`,
      entityType: 'ticket',
      entityId: ticket.id,
      accountId: ticket.accountId,
      after: {
        subject: ticket.subject,
        messageId,
        kind: input.kind,
        ...(input.fromAddress && { from: input.fromAddress }),
        ...(emailIds.length && { to: recipients.map((r) => r.address) }),
        ...(input.attachments?.length && { attachments: input.attachments.map((a) => a.name) }),
      },
    });
    if (reopenedTo !== null) {
      await this.audit.recordAction(em, {
        action: 'ticket.reopen',
        entityType: 'ticket',
        entityId: ticket.id,
        accountId: ticket.accountId,
        before: { subject: ticket.subject, statusId: ticket.statusId },
        after: { subject: ticket.subject, statusId: reopenedTo },
      });
    }
    return { messageId, ticketId: ticket.id, emailIds };
  }

  /** One email per recipient, each with its own Message-ID naming the ticket and the message, threaded onto what came before. */
  private async queueReply(
    em: EntityManager,
    ticket: TicketCore,
    messageRowId: number,
    bodyText: string,
    recipients: { contactId: number | null; address: string }[],
    thread: string[],
  ): Promise<number[]> {
    const domain = mailboxAddress(this.config.EMAIL_FROM).split('@')[1] ?? 'backhaul.local';
    const group = ticket.groupId === null ? null : await this.rows.group(em, ticket.groupId);
    const references = thread.length > REFERENCES_MAX ? [thread[0], ...thread.slice(-(REFERENCES_MAX - 1))] : thread;
    const inReplyTo = thread.length ? thread[thread.length - 1] : null;
    const subject = replySubject(ticket.id, ticket.subject);
    const emails: OutgoingEmail[] = recipients.map((r) => ({
      accountId: ticket.accountId,
      contactId: r.contactId,
      to: r.address,
      subject,
      text: bodyText,
      related: { type: 'ticket', id: ticket.id },
      messageId: ticketMessageId(ticket.id, messageRowId, randomBytes(8).toString('hex'), domain),
      inReplyTo,
      references,
      replyTo: group?.inboundAddress ?? null,
    }));
    await this.rows.setMessageId(em, messageRowId, emails[0].messageId as string);
    const ids = await this.email.queueLocked(em, emails);
    await this.rows.linkMessageEmails(em, messageRowId, ids);
    return ids;
  }

  /** Locks the ticket's account (when it has one), then the ticket row; the account may not change while we wait. */
  private async lockTicket(em: EntityManager, id: number): Promise<TicketCore> {
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
  private async lockSurvivor(em: EntityManager, id: number): Promise<TicketCore> {
    let current = id;
    for (let hop = 0; hop < MERGE_HOPS_MAX; hop += 1) {
      const ticket = await this.lockTicket(em, current);
      if (ticket.mergedIntoTicketId === null) return ticket;
      current = ticket.mergedIntoTicketId;
    }
    throw new ConflictException(TicketsErrorCode.TicketMerged, `Ticket #${id} was merged too many times over to follow.`);
  }

  private mergedError(ticket: TicketCore): ConflictException {
    return new ConflictException(
      TicketsErrorCode.TicketMerged,
      `Ticket #${ticket.id} was merged into ticket #${ticket.mergedIntoTicketId}; work on that ticket instead.`,
    );
  }

  /** The parent must exist, not be merged, share the account, and never sit below the child; nesting stops at MAX_TICKET_DEPTH. */
  private async checkParent(em: EntityManager, childId: number | null, accountId: number | null, parentId: number): Promise<void> {
    const parent = await this.rows.core(em, parentId);
    if (!parent) {
      throw new BadInputException([{ field: 'parentTicketId', rule: 'exists', message: `ticket ${parentId} does not exist` }]);
    }
    if (parent.mergedIntoTicketId !== null) throw this.mergedError(parent);
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

  private recipientInput(r: TicketRecipientInputDto): { contactId?: number | null; address: string } {
    return { contactId: r.contactId ?? null, address: r.address ?? '' };
  }

  /** Contacts become their email address; bare addresses are checked; each address is kept once. */
  private async resolveRecipients(
    em: EntityManager,
    accountId: number | null,
    input: NewTicketRecipient[],
    errors: FieldError[],
  ): Promise<{ contactId: number | null; address: string }[]> {
    const contactIds = input.map((r) => r.contactId).filter((id): id is number => typeof id === 'number');
    const contacts =
      accountId === null ? new Map<number, { email: string | null }>() : await this.rows.contactsOf(em, accountId, contactIds);
    const out = new Map<string, { contactId: number | null; address: string }>();
    input.forEach((r, i) => {
      const field = `recipients.${i}`;
      const hasContact = typeof r.contactId === 'number';
      if (hasContact === Boolean(r.address)) {
        errors.push({ field, rule: 'oneOf', message: `${field} must give either contactId or address, not both or neither` });
        return;
      }
      if (hasContact) {
        const contact = contacts.get(r.contactId as number);
        if (!contact) {
          errors.push({
            field: `${field}.contactId`,
            rule: 'accountContact',
            message: `contact ${r.contactId} is not a contact of the ticket's account`,
          });
          return;
        }
        if (!contact.email || !isEmailAddress(contact.email.trim())) {
          errors.push({ field: `${field}.contactId`, rule: 'hasEmail', message: `contact ${r.contactId} has no usable email address` });
          return;
        }
        const address = contact.email.trim();
        out.set(address.toLowerCase(), { contactId: r.contactId as number, address });
        return;
      }
      const address = (r.address ?? '').trim();
      if (!isEmailAddress(address)) {
        errors.push({ field: `${field}.address`, rule: 'email', message: `${field}.address must be one email address` });
        return;
      }
      if (!out.has(address.toLowerCase())) out.set(address.toLowerCase(), { contactId: null, address });
    });
    return [...out.values()];
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

  /** What the action history keeps of a ticket: its own fields, not its conversation. */
  private async summary(em: EntityManager, id: number): Promise<Record<string, unknown>> {
    const row = await this.rows.detailRow(em, id, this.today());
    if (!row) return {};
    return {
      subject: row.subject,
      accountId: row.accountId,
      statusId: row.statusId,
      statusName: row.statusName,
      priority: row.priority,
      groupId: row.groupId,
      assigneeUserId: row.assigneeUserId,
      assigneeName: row.assigneeName,
      visibility: row.visibility,
      dueDate: row.dueDate,
      parentTicketId: row.parentTicketId,
      mergedIntoTicketId: row.mergedIntoTicketId,
      source: row.source,
    };
  }
}
