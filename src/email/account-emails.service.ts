import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { BadInputException, ConflictException, DomainException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { ComposeEmailDto, EmailAttachmentDto, EmailDetailDto, EmailFilterDto, EmailResponseDto, EmailSortField } from './dto/email.dto';
import type { EmailAttachmentKind } from './email-attachments';
import type { EmailStatus } from './email-status';
import { EmailService, OutgoingEmail } from './email.service';
import { EmailErrorCode } from './email.error-codes';
import { transactionWithRetry } from '../database/transaction';

const SORT_COLUMNS: Record<EmailSortField, string> = { createdAt: 'e.created_at', id: 'e.id' };

const COLUMNS = `e.id, e.account_id, e.contact_id, e.to_address, e.subject, e.status, e.reject_reason, e.attempts, e.last_error,
  e.sent_at, e.created_at, e.category_id, c.name AS category_name, e.template_key, e.related_type, e.related_id,
  e.body_text, e.body_html, e.server_reply, e.message_id`;

interface EmailRow {
  id: number;
  account_id: number | null;
  contact_id: number | null;
  to_address: string;
  subject: string;
  status: EmailStatus;
  reject_reason: string | null;
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
  category_id: number | null;
  category_name: string | null;
  template_key: string | null;
  related_type: string | null;
  related_id: number | null;
  body_text: string;
  body_html: string | null;
  server_reply: string | null;
  message_id: string;
}

const nullableNumber = (v: number | string | null) => (v === null ? null : Number(v));

function toResponse(row: EmailRow, attachments: EmailAttachmentDto[]): EmailResponseDto {
  return {
    id: Number(row.id),
    accountId: nullableNumber(row.account_id),
    contactId: nullableNumber(row.contact_id),
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    rejectReason: row.reject_reason,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    sentAt: row.sent_at,
    createdAt: row.created_at,
    categoryId: nullableNumber(row.category_id),
    categoryName: row.category_name,
    templateKey: row.template_key,
    related: row.related_type === null || row.related_id === null ? null : { type: row.related_type, id: Number(row.related_id) },
    attachments,
  };
}

/** The token after a signing link's '#', replaced; the copy the relay was given keeps it, and a resend sends it again. */
export function withoutSigningTokens(text: string): string {
  return text.replace(/(\/sign#)[A-Za-z0-9_-]{20,}/g, '$1(link withheld)');
}

function toDetail(row: EmailRow, attachments: EmailAttachmentDto[]): EmailDetailDto {
  return {
    ...toResponse(row, attachments),
    text: row.body_text,
    html: row.body_html,
    serverReply: row.server_reply,
    messageId: row.message_id,
  };
}

/** What staff see of an account's email, and the two things they do with it: write one, and send one again. */
@Injectable()
export class AccountEmailsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountLockService,
    private readonly emails: EmailService,
  ) {}

  /** How many emails are in each of the statuses, every one asked for present. */
  async countByStatus(statuses: readonly EmailStatus[]): Promise<Record<EmailStatus, number>> {
    const rows: { status: EmailStatus; n: string }[] = await this.db.query(
      'SELECT e.status, COUNT(*) AS n FROM emails e WHERE e.status IN (?) GROUP BY e.status',
      [statuses],
    );
    const counts = { queued: 0, sent: 0, rejected: 0, invalid: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }

  /** Email to one account, or to every account when `accountId` is null. */
  async list(accountId: number | null, query: ListQuery<EmailFilterDto, EmailSortField>): Promise<ListResult<EmailResponseDto>> {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (accountId !== null) {
      const [account]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
      if (!account) throw new NotFoundException('Account', accountId);
      where.push('e.account_id = ?');
      params.push(accountId);
    }
    if (query.filter.status) {
      where.push('e.status = ?');
      params.push(query.filter.status);
    }
    if (query.filter.id?.length) {
      where.push('e.id IN (?)');
      params.push(query.filter.id);
    }
    const order = query.sort.order === 'ASC' ? 'ASC' : 'DESC';
    const rows: EmailRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM emails e LEFT JOIN message_categories c ON c.id = e.category_id
        WHERE ${where.join(' AND ')} ORDER BY ${SORT_COLUMNS[query.sort.field]} ${order}, e.id ${order} LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT COUNT(*) AS total FROM emails e WHERE ${where.join(' AND ')}`,
      params,
    );
    const attachments = await this.attachmentsOf(
      this.db.manager,
      rows.map((r) => Number(r.id)),
    );
    return new ListResult(
      'emails',
      rows.map((r) => toResponse(r, attachments.get(Number(r.id)) ?? [])),
      Number(total),
      query.offset,
    );
  }

  /** One email as staff read it: a contract signing link is shown without its token (the signer's key, not the staff's). */
  async get(id: number): Promise<EmailDetailDto> {
    const email = await this.load(this.db.manager, id);
    return { ...email, text: withoutSigningTokens(email.text), html: email.html === null ? null : withoutSigningTokens(email.html) };
  }

  /** A clerk writes to a contact of the account, or to any one address; child accounts included. */
  async compose(accountId: number, dto: ComposeEmailDto): Promise<EmailDetailDto> {
    if ((dto.contactId === undefined) === (dto.to === undefined)) {
      throw new BadInputException([
        { field: 'contactId', rule: 'exactlyOneOf', message: 'send exactly one of contactId and to' },
        { field: 'to', rule: 'exactlyOneOf', message: 'send exactly one of contactId and to' },
      ]);
    }
    const id = await transactionWithRetry(this.db, async (em) => {
      await this.accounts.lock(em, accountId);
      const to = dto.contactId === undefined ? (dto.to as string) : await this.contactAddress(em, accountId, dto.contactId);
      const [id] = await this.emails.queueLocked(em, [
        { accountId, contactId: dto.contactId ?? null, to, subject: dto.subject, text: dto.text },
      ]);
      return id;
    });
    await this.emails.startDeliveryLogged([id]);
    return this.get(id);
  }

  /**
   * Queues a new copy of a finished email. A copy to a contact goes to the contact's
   * current address, so fixing a mistyped address and resending is enough.
   */
  async resend(id: number): Promise<EmailDetailDto> {
    const copyId = await transactionWithRetry(this.db, async (em) => {
      const original = await this.load(em, id);
      if (original.accountId !== null) await this.accounts.lock(em, original.accountId);
      const [{ status }]: { status: EmailStatus }[] = await em.query('SELECT status FROM emails WHERE id = ?', [id]);
      if (status === 'queued') {
        throw new ConflictException(
          EmailErrorCode.EmailStillQueued,
          `Email ${id} is still being delivered; it can be sent again once it is sent or rejected`,
        );
      }
      let to = original.to;
      if (original.contactId !== null) {
        const [contact]: { email: string | null }[] = await em.query('SELECT email FROM contacts WHERE id = ?', [original.contactId]);
        if (contact?.email) to = contact.email;
      }
      const copy: OutgoingEmail = {
        accountId: original.accountId,
        contactId: original.contactId,
        to,
        subject: original.subject,
        text: original.text,
        html: original.html,
        categoryId: original.categoryId,
        templateKey: original.templateKey,
        related: original.related,
        attachments: original.attachments.map((a) => ({ kind: a.kind, sourceId: a.sourceId, filename: a.filename })),
      };
      const [copyId] = await this.emails.queueLocked(em, [copy], { action: 'email.resend', copyOf: id });
      return copyId;
    });
    await this.emails.startDeliveryLogged([copyId]);
    return this.get(copyId);
  }

  private async contactAddress(em: EntityManager, accountId: number, contactId: number): Promise<string> {
    const [contact]: { account_id: number; email: string | null; name: string }[] = await em.query(
      'SELECT account_id, email, name FROM contacts WHERE id = ?',
      [contactId],
    );
    if (!contact || Number(contact.account_id) !== accountId) {
      throw new BadInputException([
        { field: 'contactId', rule: 'contactOfAccount', message: `contactId must be a contact of account ${accountId}` },
      ]);
    }
    if (!contact.email?.trim()) {
      throw new DomainException(EmailErrorCode.ContactWithoutEmail, `${contact.name} has no email address to write to`, [
        { field: 'contactId', rule: 'hasEmail', message: 'the contact has no email address' },
      ]);
    }
    return contact.email;
  }

  private async load(em: EntityManager, id: number): Promise<EmailDetailDto> {
    const [row]: EmailRow[] = await em.query(
      `SELECT ${COLUMNS} FROM emails e LEFT JOIN message_categories c ON c.id = e.category_id WHERE e.id = ?`,
      [id],
    );
    if (!row) throw new NotFoundException('Email', id);
    return toDetail(row, (await this.attachmentsOf(em, [id])).get(id) ?? []);
  }

  private async attachmentsOf(em: EntityManager, emailIds: number[]): Promise<Map<number, EmailAttachmentDto[]>> {
    const byEmail = new Map<number, EmailAttachmentDto[]>();
    if (!emailIds.length) return byEmail;
    const rows: { id: number; email_id: number; filename: string; kind: EmailAttachmentKind; source_id: number }[] = await em.query(
      'SELECT id, email_id, filename, kind, source_id FROM email_attachments WHERE email_id IN (?) ORDER BY id',
      [emailIds],
    );
    for (const r of rows) {
      const list = byEmail.get(Number(r.email_id)) ?? [];
      list.push({ id: Number(r.id), filename: r.filename, kind: r.kind, sourceId: Number(r.source_id) });
      byEmail.set(Number(r.email_id), list);
    }
    return byEmail;
  }
}
