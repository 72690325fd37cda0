import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { ConflictException } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { mailboxAddress } from '../email/email-address';
import { EmailService, OutgoingEmail } from '../email/email.service';
import { AccountFilesService } from '../files/account-files.service';
import { CreateTicketMessageDto, TicketResponseDto } from './dto/ticket.dto';
import { TicketEvents } from './ticket-events';
import { TicketLocks } from './ticket-locks';
import { replySubject, ticketMessageId } from './ticket-reference';
import { TicketCore, TicketRows } from './ticket-rows';
import { TicketViewsService } from './ticket-views.service';
import { TicketsErrorCode } from './tickets.error-codes';

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

/** Message-IDs a reply's References header carries at most: the thread's first and its latest. */
const REFERENCES_MAX = 20;

/**
 * The conversation of a ticket: public replies (emailed to its recipients, threaded onto
 * the mail before them), internal comments, and mail that came in with its attachments.
 */
@Injectable()
export class TicketConversationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rows: TicketRows,
    private readonly locks: TicketLocks,
    private readonly views: TicketViewsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: TicketEvents,
    private readonly email: EmailService,
    private readonly files: AccountFilesService,
  ) {}

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

  async postMessage(id: number, dto: CreateTicketMessageDto, user: AuthenticatedUser): Promise<TicketResponseDto> {
    const { ticketId, emailIds } = await transactionWithRetry(this.db, (em) =>
      this.addMessageQueued(em, id, { kind: dto.kind, authorUserId: user.id, bodyText: dto.bodyText }),
    );
    if (emailIds.length) await this.email.startDeliveryLogged(emailIds);
    await this.events.changed([ticketId]);
    return this.views.get(ticketId);
  }

  private async addMessageQueued(
    em: EntityManager,
    ticketId: number,
    input: NewTicketMessage,
  ): Promise<{ messageId: number; ticketId: number; emailIds: number[] }> {
    const ticket = await this.locks.lockSurvivor(em, ticketId);
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
}
