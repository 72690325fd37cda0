import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource, EntityManager } from 'typeorm';
import { emailDeliveryWorkflow } from '../../workflows/email-delivery.workflow';
import { searchAttributes, workflowIds } from '../../workflows/shared';
import { AuditService } from '../audit/audit.service';
import { requestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { isDuplicateKey } from '../database/duplicate-key';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { EMAIL_ADDRESS_MAX_LENGTH, isEmailAddress, mailboxAddress } from './email-address';
import type { EmailAttachmentKind } from './email-attachments';
import { transactionWithRetry } from '../database/transaction';
import { inLanes } from '../common/in-lanes';
import { EmailBatches } from './email-batches';

export type { EmailAttachmentKind } from './email-attachments';

export interface OutgoingEmail {
  accountId: number | null;
  contactId?: number | null;
  /** One address per row. */
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  categoryId?: number | null;
  templateKey?: string | null;
  /** What the email is about, e.g. { type: 'invoice', id }. */
  related?: { type: string; id: number } | null;
  attachments?: { kind: EmailAttachmentKind; sourceId: number; filename: string }[];
  /** A second queue with the same key returns the existing row's id and inserts nothing. */
  dedupeKey?: string | null;
  /** The Message-ID to send under, `<…@…>`, unique; made up at queue time when left out. */
  messageId?: string | null;
  /** The Message-ID this email answers (In-Reply-To). */
  inReplyTo?: string | null;
  /** The thread's Message-IDs, oldest first (References). */
  references?: string[] | null;
  /** Where answers should go (Reply-To), when not to the sender. */
  replyTo?: string | null;
}

/** How a row came to be, for its action-history entry. */
export interface QueueOrigin {
  action: 'email.queue' | 'email.resend';
  /** The email this one copies, for a resend. */
  copyOf?: number;
}

const SUBJECT_MAX_LENGTH = 255;

/** Workflow starts in flight at once when a batch of emails is handed over. */
const START_CONCURRENCY = 16;

const EMAIL_COLUMNS = `account_id, contact_id, to_address, from_address, subject, body_text, body_html, category_id, template_key,
  related_type, related_id, dedupe_key, message_id, in_reply_to, reference_ids, reply_to, status, reject_reason, created_by`;

/** What starting an email's delivery workflow needs of its row. */
interface DeliveryRow {
  id: number;
  account_id: number | null;
  related_type: string | null;
  related_id: number | null;
  created_at: Date;
  to_address: string;
  subject: string;
}
const DELIVERY_COLUMNS = 'id, account_id, related_type, related_id, created_at, to_address, subject';

interface EmailRowValues {
  to: string;
  valid: boolean;
  messageId: string;
  values: unknown[];
}

/**
 * Queues outgoing email and starts its delivery. Rows are written inside the caller's
 * transaction, so an email exists exactly when what it tells of does; the delivery
 * workflow starts only after that commit, and finds nothing to do if it never happened.
 */
@Injectable()
export class EmailService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    @InjectPinoLogger('Email') private readonly logger: PinoLogger,
    private readonly batches: EmailBatches,
  ) {}

  /** Inserts inside the caller's transaction (status queued, or invalid when the address cannot be one). Caller calls startDelivery after commit. */
  async queueLocked(em: EntityManager, emails: OutgoingEmail[], origin: QueueOrigin = { action: 'email.queue' }): Promise<number[]> {
    if (emails.length > 1) return this.insertMany(em, emails, origin);
    const ids: number[] = [];
    for (const email of emails) ids.push(await this.insertOne(em, email, origin));
    return ids;
  }

  /**
   * Mail the product sends by itself, one message after another (a payment's receipt):
   * queueLocked in its own transaction, then into this process's line, which hands
   * such emails over in batches. Never waits for Temporal.
   */
  async queue(emails: OutgoingEmail[]): Promise<number[]> {
    const ids = await transactionWithRetry(this.db, (em) => this.queueLocked(em, emails));
    this.batches.enqueue(ids);
    return ids;
  }

  /** Mail queued by the thousand (a bill run's invoices), handed over now in batches of a hundred. */
  async startBulkDelivery(ids: number[]): Promise<void> {
    await this.batches.dispatch(ids);
  }

  /**
   * Starts workflow `email-delivery/<id>` for each still-queued id; an already started one is
   * fine (idempotent). Starts run a few at a time, since a bill run hands over thousands, and
   * each started row is marked so the dispatcher (startUndispatched) leaves it alone.
   */
  async startDelivery(ids: number[]): Promise<void> {
    if (!ids.length) return;
    const rows: DeliveryRow[] = await this.db.query(
      `SELECT ${DELIVERY_COLUMNS} FROM emails WHERE id IN (?) AND status = 'queued' AND batch_id IS NULL`,
      [ids],
    );
    await this.startRows(rows);
  }

  private async startRows(rows: DeliveryRow[]): Promise<void> {
    const { done, failure } = await inLanes(rows, START_CONCURRENCY, (row) => this.startOne(row));
    if (done.length) {
      await this.db.query(
        'UPDATE emails FORCE INDEX (PRIMARY) SET delivery_started_at = CURRENT_TIMESTAMP(3) WHERE id IN (?) AND delivery_started_at IS NULL',
        [done.map((row) => row.id)],
      );
    }
    if (failure !== null) throw failure;
  }

  /**
   * Starts delivery of queued emails whose workflow never started (Temporal was away when
   * they were queued, or the process died in between) and that are older than `graceSeconds`,
   * so the caller that queued them has had its chance: each its own workflow, or, for one
   * already claimed by a batch, that batch. Returns how many it started.
   */
  async startUndispatched(graceSeconds: number, limit = 500): Promise<number> {
    const rows: DeliveryRow[] = await this.db.query(
      `SELECT ${DELIVERY_COLUMNS} FROM emails WHERE status = 'queued' AND delivery_started_at IS NULL AND batch_id IS NULL
          AND created_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND ORDER BY id LIMIT ?`,
      [graceSeconds, limit],
    );
    await this.startRows(rows);
    return rows.length + (await this.batches.startClaimed(graceSeconds, limit));
  }

  private async startOne(row: DeliveryRow): Promise<void> {
    try {
      await this.temporal.workflow.start(emailDeliveryWorkflow, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId: workflowIds.emailDelivery(row.id),
        // A run that failed or was terminated by hand may be replaced while the row still waits; a finished one not.
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
        args: [
          {
            emailId: row.id,
            queuedAt: new Date(row.created_at).toISOString(),
            retry: {
              initialSeconds: this.config.EMAIL_RETRY_INITIAL_SECONDS,
              maxIntervalSeconds: this.config.EMAIL_RETRY_MAX_INTERVAL_SECONDS,
              maxAgeHours: this.config.EMAIL_MAX_AGE_HOURS,
              smtpTimeoutSeconds: this.config.SMTP_TIMEOUT_SECONDS,
            },
          },
        ],
        typedSearchAttributes: deliverySearchAttributes(row),
        memo: { description: `Email '${row.subject}' to ${row.to_address}` },
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  /**
   * startDelivery for work that already answered its caller: the row is committed and
   * queued, so a Temporal outage is logged rather than turned into an error that would
   * invite the same email again.
   */
  async startDeliveryLogged(ids: number[]): Promise<void> {
    try {
      await this.startDelivery(ids);
    } catch (err) {
      this.logger.warn(
        { emailIds: ids, err: err instanceof Error ? err.message : String(err) },
        'Email queued but its delivery did not start',
      );
    }
  }

  private async insertOne(em: EntityManager, email: OutgoingEmail, origin: QueueOrigin): Promise<number> {
    const dedupeKey = email.dedupeKey ?? null;
    if (dedupeKey !== null) {
      const existing = await this.byDedupeKey(em, dedupeKey, false);
      if (existing !== null) return existing;
    }
    const row = this.rowOf(email);
    let insertId: number;
    try {
      ({ insertId } = await em.query(`INSERT INTO emails (${EMAIL_COLUMNS}) VALUES ?`, [[row.values]]));
    } catch (err) {
      // Another transaction queued the same key first and has committed since our look.
      if (dedupeKey !== null && isDuplicateKey(err)) {
        const existing = await this.byDedupeKey(em, dedupeKey, true);
        if (existing !== null) return existing;
      }
      throw err;
    }
    await this.recordExtras(em, [{ email, row, id: Number(insertId) }], origin);
    return Number(insertId);
  }

  /**
   * Many emails at once (a bill run batch hands over hundreds): one read of the keys already
   * queued, one multi-row INSERT, one for attachments and one for the audit entries. Ids are
   * read back by Message-ID, which is unique and ours, so nothing depends on how InnoDB hands
   * out auto-increment values. Should another transaction queue one of the keys in between,
   * the emails are queued one at a time instead, each finding its row.
   */
  private async insertMany(em: EntityManager, emails: OutgoingEmail[], origin: QueueOrigin): Promise<number[]> {
    const keys = [...new Set(emails.map((e) => e.dedupeKey).filter((k): k is string => k !== null && k !== undefined))];
    const byKey = new Map<string, number>();
    if (keys.length) {
      const found: { id: number; dedupe_key: string }[] = await em.query('SELECT id, dedupe_key FROM emails WHERE dedupe_key IN (?)', [
        keys,
      ]);
      for (const r of found) byKey.set(r.dedupe_key, Number(r.id));
    }
    const fresh: { index: number; email: OutgoingEmail; row: EmailRowValues }[] = [];
    const claimed = new Set<string>();
    emails.forEach((email, index) => {
      const key = email.dedupeKey ?? null;
      if (key !== null && (byKey.has(key) || claimed.has(key))) return;
      if (key !== null) claimed.add(key);
      fresh.push({ index, email, row: this.rowOf(email) });
    });
    const ids: (number | undefined)[] = emails.map((e) => (e.dedupeKey ? byKey.get(e.dedupeKey) : undefined));
    if (fresh.length) {
      try {
        await em.query(`INSERT INTO emails (${EMAIL_COLUMNS}) VALUES ?`, [fresh.map((f) => f.row.values)]);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const one: number[] = [];
        for (const email of emails) one.push(await this.insertOne(em, email, origin));
        return one;
      }
      const inserted: { id: number; message_id: string }[] = await em.query('SELECT id, message_id FROM emails WHERE message_id IN (?)', [
        fresh.map((f) => f.row.messageId),
      ]);
      const byMessageId = new Map(inserted.map((r) => [r.message_id, Number(r.id)]));
      const written = fresh.map((f) => ({ ...f, id: byMessageId.get(f.row.messageId) as number }));
      for (const w of written) {
        ids[w.index] = w.id;
        if (w.email.dedupeKey) byKey.set(w.email.dedupeKey, w.id);
      }
      await this.recordExtras(em, written, origin);
    }
    // A key given twice in one call: the later ones get the first one's row.
    return emails.map((e, i) => ids[i] ?? (byKey.get(e.dedupeKey as string) as number));
  }

  /** The row of one email, checked: a subject the column cannot hold is the caller's bug, not the recipient's. */
  private rowOf(email: OutgoingEmail): EmailRowValues {
    const to = email.to.trim();
    if (!email.subject.trim() || email.subject.length > SUBJECT_MAX_LENGTH) {
      throw new Error(`An email's subject must be 1 to ${SUBJECT_MAX_LENGTH} characters`);
    }
    const valid = isEmailAddress(to);
    const messageId = email.messageId ?? this.newMessageId();
    return {
      to,
      valid,
      messageId,
      values: [
        email.accountId,
        email.contactId ?? null,
        to.slice(0, EMAIL_ADDRESS_MAX_LENGTH),
        this.config.EMAIL_FROM,
        email.subject,
        email.text,
        email.html ?? null,
        email.categoryId ?? null,
        email.templateKey ?? null,
        email.related?.type ?? null,
        email.related?.id ?? null,
        email.dedupeKey ?? null,
        messageId,
        email.inReplyTo ?? null,
        email.references?.length ? email.references.join(' ') : null,
        email.replyTo ?? null,
        valid ? 'queued' : 'invalid',
        valid ? null : `"${to.slice(0, 300)}" is not an email address`,
        requestContext.current()?.actor?.userId ?? null,
      ],
    };
  }

  /** Attachment references and one audit entry per new email, each kind in one INSERT. */
  private async recordExtras(em: EntityManager, written: { email: OutgoingEmail; row: EmailRowValues; id: number }[], origin: QueueOrigin) {
    const attachmentRows = written.flatMap(({ email, id }) =>
      (email.attachments ?? []).map((a) => [id, a.filename, 'application/pdf', a.kind, a.sourceId]),
    );
    if (attachmentRows.length) {
      await em.query('INSERT INTO email_attachments (email_id, filename, content_type, kind, source_id) VALUES ?', [attachmentRows]);
    }
    await this.audit.recordActions(
      em,
      written.map(({ email, row, id }) => ({
        action: origin.action,
        entityType: 'email',
        entityId: id,
        accountId: email.accountId,
        after: {
          to: row.to,
          subject: email.subject,
          status: row.valid ? 'queued' : 'invalid',
          contactId: email.contactId ?? null,
          templateKey: email.templateKey ?? null,
          related: email.related ?? null,
          attachments: (email.attachments ?? []).map((a) => a.filename),
          ...(origin.copyOf !== undefined && { copyOf: origin.copyOf }),
        },
      })),
    );
  }

  /**
   * The first look is a plain read: a locking read of a key that is not there yet would
   * take a gap lock, and batches queuing different keys at once would deadlock on them.
   * After a duplicate-key error the row exists, and a locking read sees it even when the
   * caller's snapshot (REPEATABLE READ) is older than its commit. A shared lock, because the
   * duplicate-key check already left every loser holding one on that row: asking for an
   * exclusive one there would deadlock the losers against each other.
   */
  private async byDedupeKey(em: EntityManager, key: string, locking: boolean): Promise<number | null> {
    const [row]: { id: number }[] = await em.query(`SELECT id FROM emails WHERE dedupe_key = ?${locking ? ' LOCK IN SHARE MODE' : ''}`, [
      key,
    ]);
    return row ? Number(row.id) : null;
  }

  /** Fixed at queue time so every try carries the same Message-ID and a receiver can drop a repeat. */
  private newMessageId(): string {
    const domain = mailboxAddress(this.config.EMAIL_FROM).split('@')[1] ?? 'backhaul.local';
    return `<${randomUUID()}@${domain}>`;
  }
}

/** An email is found in Temporal by its account and, for an invoice's email, by the invoice. */
function deliverySearchAttributes(row: DeliveryRow): SearchAttributePair[] {
  const pairs: SearchAttributePair[] = [];
  if (row.account_id !== null) pairs.push({ key: searchAttributes.accountId, value: Number(row.account_id) });
  if (row.related_type === 'invoice' && row.related_id !== null)
    pairs.push({ key: searchAttributes.invoiceId, value: Number(row.related_id) });
  return pairs;
}
