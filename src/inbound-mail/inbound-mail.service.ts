import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImapFlow } from 'imapflow';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { FileStorage } from '../files/file-storage';
import { TicketEvents } from '../tickets/ticket-events';
import { InboundFiling, InboundMail, TicketInboundService } from '../tickets/ticket-inbound.service';
import { InboundMailbox, inboundMailbox } from './inbound-mailbox';
import { InboundMailRows, MailboxCursor } from './inbound-mail-rows';
import { dedupeKey, megabytes, readHeaders, readMessage, ReadMessage, storedType } from './inbound-message';

/** Messages one poll deals with at most; the workflow polls again at once when more wait. */
export const INBOUND_MAIL_BATCH = 25;

/** Tries before a message that cannot be filed is set aside as rejected, so the messages behind it go on. */
export const MAX_FILING_ATTEMPTS = 3;

export interface InboundPollReport {
  /** false: no mailbox is configured (or another one than asked for); the reader stops. */
  configured: boolean;
  /** Messages the mailbox offered past the cursor in this poll. */
  fetched: number;
  /** Filed on a ticket. */
  filed: number;
  /** Already filed or rejected before: delivered or fetched again. */
  duplicates: number;
  rejected: number;
  /** More messages were waiting than one poll takes. */
  more: boolean;
}

type Outcome = 'filed' | 'duplicate' | 'rejected';

/**
 * Reads the helpdesk mailbox over IMAP and files each new message on a ticket, once.
 *
 * Each poll takes the messages whose UID is past the mailbox's cursor (per UIDVALIDITY). A
 * message gets a row in inbound_messages under a unique dedupe key (its Message-ID, or a hash of
 * its bytes) before anything else; then, in one transaction, its row is locked, it is filed on a
 * ticket, the row is marked processed and the cursor moves past it. A message met again, however
 * (delivered twice, a \Seen flag cleared, a cursor reset, a poll retried after a worker died),
 * finds its row already processed and changes nothing. The \Seen flag set afterwards is for
 * people looking at the mailbox; the database is what makes filing happen once.
 */
@Injectable()
export class InboundMailService {
  readonly mailbox: InboundMailbox | null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rows: InboundMailRows,
    private readonly inbound: TicketInboundService,
    private readonly ticketEvents: TicketEvents,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
    @InjectPinoLogger(InboundMailService.name) private readonly logger: PinoLogger,
  ) {
    this.mailbox = inboundMailbox(config);
  }

  /** Deals with the next batch of new messages. `mailboxKey`, when given, must be the configured mailbox's. */
  async poll(opts: { mailboxKey?: string; onProgress?: () => void; batch?: number } = {}): Promise<InboundPollReport> {
    const report: InboundPollReport = { configured: false, fetched: 0, filed: 0, duplicates: 0, rejected: 0, more: false };
    const mailbox = this.mailbox;
    if (!mailbox || (opts.mailboxKey !== undefined && opts.mailboxKey !== mailbox.key)) return report;
    report.configured = true;
    const cursor = await this.rows.mailbox(this.db.manager, mailbox.key);
    const client = new ImapFlow({
      host: mailbox.host,
      port: mailbox.port,
      secure: mailbox.secure,
      auth: { user: mailbox.user, pass: mailbox.password },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 120_000,
    });
    // A socket error after connecting is reported through the command that was waiting on it.
    client.on('error', (err: Error) => this.logger.warn({ mailbox: mailbox.key, err: err.message }, 'IMAP connection error'));
    try {
      await client.connect();
      opts.onProgress?.();
      const lock = await client.getMailboxLock(mailbox.folder);
      try {
        const opened = client.mailbox;
        if (!opened) throw new Error(`The folder ${mailbox.folder} could not be opened`);
        if (cursor.uidValidity !== opened.uidValidity) {
          if (cursor.uidValidity !== null) {
            this.logger.warn({ mailbox: mailbox.key }, 'The mailbox folder has a new UIDVALIDITY; reading it again from its first message');
          }
          await this.rows.resetCursor(this.db.manager, cursor.id, opened.uidValidity);
          cursor.uidValidity = opened.uidValidity;
          cursor.lastUid = 0;
        }
        // `n:*` always answers the last message, even one below n: the UIDs are filtered again.
        const found = await client.search({ uid: `${cursor.lastUid + 1}:*` }, { uid: true });
        const uids = (found || []).filter((uid) => uid > cursor.lastUid).sort((a, b) => a - b);
        const batch = uids.slice(0, opts.batch ?? INBOUND_MAIL_BATCH);
        report.more = uids.length > batch.length;
        for (const uid of batch) {
          const outcome = await this.take(client, mailbox, cursor, uid);
          report.fetched++;
          if (outcome === 'filed') report.filed++;
          else if (outcome === 'duplicate') report.duplicates++;
          else if (outcome === 'rejected') report.rejected++;
          // For people reading the mailbox: the row, not this flag, is what says a message was dealt with.
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          opts.onProgress?.();
        }
      } finally {
        lock.release();
      }
      await this.rows.polled(this.db.manager, cursor.id, this.clock.now(), null);
    } catch (err) {
      await this.rows.polled(this.db.manager, cursor.id, this.clock.now(), errorText(err)).catch(() => undefined);
      throw err;
    } finally {
      await client.logout().catch(() => client.close());
    }
    return report;
  }

  /** One message: read, recorded, filed (or rejected), the cursor moved past it. */
  private async take(client: ImapFlow, mailbox: InboundMailbox, cursor: MailboxCursor, uid: number): Promise<Outcome | 'gone'> {
    const uidValidity = cursor.uidValidity as bigint;
    const meta = await client.fetchOne(String(uid), { uid: true, size: true, headers: true }, { uid: true });
    if (!meta) {
      // Expunged since the search.
      await this.rows.advanceCursor(this.db.manager, cursor.id, uidValidity, uid);
      return 'gone';
    }
    const size = meta.size ?? 0;
    if (size > this.config.INBOUND_MAIL_MAX_MESSAGE_BYTES) {
      return this.rejectUnread(cursor, uid, size, meta.headers ?? Buffer.alloc(0));
    }
    const full = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (!full || !full.source) {
      await this.rows.advanceCursor(this.db.manager, cursor.id, uidValidity, uid);
      return 'gone';
    }
    return this.file(cursor, uid, full.source);
  }

  /** A message over the size limit: never downloaded, kept as a row with its headers and the reason. */
  private async rejectUnread(cursor: MailboxCursor, uid: number, size: number, header: Buffer): Promise<Outcome> {
    const headers = await readHeaders(header).catch(() => null);
    const key = dedupeKey(headers?.messageId ?? null, Buffer.concat([header, Buffer.from(`\n${size}`)]));
    const reason = `The message is ${megabytes(size)}, over the ${megabytes(this.config.INBOUND_MAIL_MAX_MESSAGE_BYTES)} limit; it was not read.`;
    return transactionWithRetry(this.db, async (em) => {
      const inserted = await this.rows.insert(em, {
        mailboxId: cursor.id,
        uidValidity: cursor.uidValidity as bigint,
        uid,
        dedupeKey: key,
        messageId: headers?.messageId ?? null,
        fromAddress: headers?.fromAddress ?? null,
        toAddresses: joinAddresses(headers?.toAddresses ?? []),
        subject: headers?.subject.slice(0, 255) ?? null,
        sentAt: headers?.sentAt ?? null,
        sizeBytes: size,
        rawStorageKey: null,
        receivedAt: this.clock.now(),
        rejectedReason: reason,
      });
      if (!inserted) {
        const existing = await this.rows.findByDedupeKey(em, key);
        if (existing) await this.rows.seenAgain(em, existing.id);
      }
      await this.rows.advanceCursor(em, cursor.id, cursor.uidValidity as bigint, uid);
      return inserted ? 'rejected' : 'duplicate';
    });
  }

  /** A message read whole. */
  private async file(cursor: MailboxCursor, uid: number, raw: Buffer): Promise<Outcome> {
    const uidValidity = cursor.uidValidity as bigint;
    let read: ReadMessage | null = null;
    let unreadable: string | null = null;
    try {
      read = await readMessage(raw, { remoteImages: this.config.INBOUND_MAIL_REMOTE_IMAGES === 'true' });
    } catch (err) {
      unreadable = `The message could not be read: ${errorText(err)}`;
    }
    const key = dedupeKey(read?.messageId ?? null, raw);

    // The row first, in a commit of its own, so the message is on record whatever happens next.
    let row = await this.rows.findByDedupeKey(this.db.manager, key);
    if (row && row.status !== 'received') {
      await transactionWithRetry(this.db, async (em) => {
        await this.rows.seenAgain(em, (row as { id: number }).id);
        await this.rows.advanceCursor(em, cursor.id, uidValidity, uid);
      });
      return 'duplicate';
    }
    if (!row) {
      const rawStorageKey = await this.store(raw);
      const inserted = await this.rows.insert(this.db.manager, {
        mailboxId: cursor.id,
        uidValidity,
        uid,
        dedupeKey: key,
        messageId: read?.messageId ?? null,
        fromAddress: read?.fromAddress ?? null,
        toAddresses: joinAddresses(read?.toAddresses ?? []),
        subject: read ? read.subject.slice(0, 255) : null,
        sentAt: read?.sentAt ?? null,
        sizeBytes: raw.length,
        rawStorageKey,
        receivedAt: this.clock.now(),
      });
      if (!inserted) await this.storage.remove(rawStorageKey);
      row = await this.rows.findByDedupeKey(this.db.manager, key);
      if (!row) throw new Error(`The row of inbound message ${key} vanished`);
      if (!inserted && row.status !== 'received') return this.file(cursor, uid, raw);
    }
    const rowId = row.id;

    const refusal = unreadable ?? (read && !read.fromAddress ? 'The message has no sender address to answer.' : null);
    if (refusal || !read) {
      await transactionWithRetry(this.db, async (em) => {
        await this.rows.markRejected(em, rowId, refusal ?? 'The message could not be read.', this.clock.now());
        await this.rows.advanceCursor(em, cursor.id, uidValidity, uid);
      });
      return 'rejected';
    }

    const { attachments, notes } = await this.storeAttachments(read);
    let filing: InboundFiling | null;
    try {
      filing = await transactionWithRetry(this.db, async (em) => {
        const locked = await this.rows.findByDedupeKey(em, key, { lock: true });
        if (!locked || locked.status !== 'received') return null;
        const mail: InboundMail = {
          messageId: read.messageId,
          inReplyTo: read.inReplyTo,
          references: read.references,
          subject: read.subject,
          fromAddress: read.fromAddress as string,
          toAddresses: read.toAddresses,
          bodyText: withNotes(read.bodyText, notes),
          bodyHtml: read.bodyHtml,
          attachments,
        };
        const filed = await this.inbound.receive(em, mail);
        await this.rows.markProcessed(em, rowId, {
          ticketId: filed.ticketId,
          ticketMessageId: filed.messageId,
          created: filed.created,
          notes: notes.length ? notes.join('\n') : null,
          at: this.clock.now(),
        });
        await this.rows.advanceCursor(em, cursor.id, uidValidity, uid);
        return filed;
      });
    } catch (err) {
      await Promise.all(attachments.map((a) => this.storage.remove(a.storageKey)));
      const attempts = await this.rows.failedTry(this.db.manager, rowId, `Could not be filed: ${errorText(err)}`);
      this.logger.warn({ inboundMessageId: rowId, attempts, err: errorText(err) }, 'An inbound message could not be filed');
      if (attempts < MAX_FILING_ATTEMPTS) throw err;
      await transactionWithRetry(this.db, async (em) => {
        await this.rows.markRejected(em, rowId, `Could not be filed after ${attempts} tries: ${errorText(err)}`, this.clock.now());
        await this.rows.advanceCursor(em, cursor.id, uidValidity, uid);
      });
      return 'rejected';
    }
    if (!filing) {
      // Filed meanwhile by another poll: what was stored for this try is not needed.
      await Promise.all(attachments.map((a) => this.storage.remove(a.storageKey)));
      await transactionWithRetry(this.db, async (em) => {
        await this.rows.seenAgain(em, rowId);
        await this.rows.advanceCursor(em, cursor.id, uidValidity, uid);
      });
      return 'duplicate';
    }
    await this.ticketEvents.changed([filing.ticketId]);
    return 'filed';
  }

  private async store(bytes: Buffer): Promise<string> {
    const key = randomUUID();
    await this.storage.ensureDir();
    await writeFile(this.storage.pathOf(key), bytes, { flag: 'wx' });
    return key;
  }

  /** Stores the attachments within the size limit; each one over it is left out with a note. */
  private async storeAttachments(read: ReadMessage): Promise<{ attachments: InboundMail['attachments']; notes: string[] }> {
    const notes = [...read.notes];
    const attachments: InboundMail['attachments'] = [];
    const limit = this.config.INBOUND_MAIL_MAX_ATTACHMENT_BYTES;
    for (const a of read.attachments) {
      if (a.content.length > limit) {
        notes.push(`The attachment "${a.name}" (${megabytes(a.content.length)}) was not kept: it is over the ${megabytes(limit)} limit.`);
        continue;
      }
      attachments.push({
        name: a.name,
        mimeType: storedType(a.declaredType, a.content),
        sizeBytes: a.content.length,
        storageKey: await this.store(a.content),
      });
    }
    return { attachments, notes };
  }
}

function withNotes(text: string, notes: string[]): string {
  if (!notes.length) return text;
  return `${text}${text ? '\n\n' : ''}${notes.map((n) => `[${n}]`).join('\n')}`;
}

function joinAddresses(addresses: string[]): string | null {
  if (!addresses.length) return null;
  const joined = addresses.join(', ');
  return joined.length > 1000 ? `${joined.slice(0, 997)}...` : joined;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
