import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SortOrder } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import type { InboundMessageResponseDto, InboundMessageSortField, InboundMessageStatus } from './dto/inbound-message.dto';

export interface MailboxCursor {
  id: number;
  uidValidity: bigint | null;
  lastUid: number;
}

export interface InboundMessageRow {
  id: number;
  status: InboundMessageStatus;
  rawStorageKey: string | null;
  attempts: number;
}

export interface NewInboundMessage {
  mailboxId: number;
  uidValidity: bigint;
  uid: number;
  dedupeKey: string;
  messageId: string | null;
  fromAddress: string | null;
  toAddresses: string | null;
  subject: string | null;
  sentAt: Date | null;
  sizeBytes: number;
  rawStorageKey: string | null;
  receivedAt: Date;
  /** A message refused before filing (too large, unreadable) goes in as rejected with its reason. */
  rejectedReason?: string;
}

export interface InboundMessageFilter {
  q?: string;
  status?: InboundMessageStatus;
  ticketId?: number;
  ids?: number[];
}

const SORT_COLUMNS: Record<InboundMessageSortField, string> = {
  id: 'm.id',
  receivedAt: 'm.received_at',
  status: 'm.status',
  fromAddress: 'm.from_address',
  subject: 'm.subject',
  sizeBytes: 'm.size_bytes',
};

const COLUMNS = `m.id, m.message_id, m.from_address, m.to_addresses, m.subject, m.sent_at, m.size_bytes, m.raw_storage_key IS NOT NULL AS raw_kept,
  m.status, m.reason, m.notes, m.times_seen, m.ticket_id, m.ticket_created, m.received_at, m.processed_at, b.mailbox`;

const iso = (value: unknown): string | null => (value ? (value as Date).toISOString() : null);

function toResponse(r: Record<string, unknown>): InboundMessageResponseDto {
  return {
    id: Number(r.id),
    mailbox: r.mailbox as string,
    messageId: (r.message_id as string | null) ?? null,
    fromAddress: (r.from_address as string | null) ?? null,
    toAddresses: (r.to_addresses as string | null) ?? null,
    subject: (r.subject as string | null) ?? null,
    sentAt: iso(r.sent_at),
    sizeBytes: Number(r.size_bytes),
    rawKept: Number(r.raw_kept) === 1,
    status: r.status as InboundMessageStatus,
    reason: (r.reason as string | null) ?? null,
    notes: (r.notes as string | null) ?? null,
    timesSeen: Number(r.times_seen),
    ticketId: r.ticket_id === null ? null : Number(r.ticket_id),
    ticketCreated: r.ticket_created === null ? null : Number(r.ticket_created) === 1,
    receivedAt: iso(r.received_at) as string,
    processedAt: iso(r.processed_at),
  };
}

/** The SQL of inbound_mailboxes and inbound_messages, in one place. */
@Injectable()
export class InboundMailRows {
  /** The mailbox's cursor row, made on first use. */
  async mailbox(em: EntityManager, key: string): Promise<MailboxCursor> {
    await em.query('INSERT IGNORE INTO inbound_mailboxes (mailbox) VALUES (?)', [key]);
    const [row]: { id: number; uid_validity: string | null; last_uid: string }[] = await em.query(
      'SELECT id, uid_validity, last_uid FROM inbound_mailboxes WHERE mailbox = ?',
      [key],
    );
    return { id: Number(row.id), uidValidity: row.uid_validity === null ? null : BigInt(row.uid_validity), lastUid: Number(row.last_uid) };
  }

  /** The folder was (re)created with another UIDVALIDITY: its UIDs start again. */
  async resetCursor(em: EntityManager, mailboxId: number, uidValidity: bigint): Promise<void> {
    await em.query('UPDATE inbound_mailboxes SET uid_validity = ?, last_uid = 0 WHERE id = ?', [uidValidity.toString(), mailboxId]);
  }

  /** Moves the cursor past `uid`; never back, and only while the folder's UIDVALIDITY is the one read. */
  async advanceCursor(em: EntityManager, mailboxId: number, uidValidity: bigint, uid: number): Promise<void> {
    await em.query('UPDATE inbound_mailboxes SET last_uid = GREATEST(last_uid, ?) WHERE id = ? AND uid_validity = ?', [
      uid,
      mailboxId,
      uidValidity.toString(),
    ]);
  }

  async polled(em: EntityManager, mailboxId: number, at: Date, error: string | null): Promise<void> {
    await em.query('UPDATE inbound_mailboxes SET last_polled_at = ?, last_error = ? WHERE id = ?', [
      at,
      error?.slice(0, 1000) ?? null,
      mailboxId,
    ]);
  }

  async findByDedupeKey(em: EntityManager, dedupeKey: string, opts: { lock?: boolean } = {}): Promise<InboundMessageRow | null> {
    const [row]: Record<string, unknown>[] = await em.query(
      `SELECT id, status, raw_storage_key, attempts FROM inbound_messages WHERE dedupe_key = ?${opts.lock ? ' FOR UPDATE' : ''}`,
      [dedupeKey],
    );
    return row
      ? {
          id: Number(row.id),
          status: row.status as InboundMessageStatus,
          rawStorageKey: (row.raw_storage_key as string | null) ?? null,
          attempts: Number(row.attempts),
        }
      : null;
  }

  /** Inserts the message's row unless its dedupe key is there already; true when this call inserted it. */
  async insert(em: EntityManager, m: NewInboundMessage): Promise<boolean> {
    const result: { affectedRows: number } = await em.query(
      `INSERT IGNORE INTO inbound_messages
         (mailbox_id, uid_validity, uid, dedupe_key, message_id, from_address, to_addresses, subject, sent_at, size_bytes,
          raw_storage_key, status, reason, received_at, processed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        m.mailboxId,
        m.uidValidity.toString(),
        m.uid,
        m.dedupeKey,
        m.messageId,
        m.fromAddress,
        m.toAddresses,
        m.subject,
        m.sentAt,
        m.sizeBytes,
        m.rawStorageKey,
        m.rejectedReason === undefined ? 'received' : 'rejected',
        m.rejectedReason?.slice(0, 1000) ?? null,
        m.receivedAt,
        m.rejectedReason === undefined ? null : m.receivedAt,
      ],
    );
    return result.affectedRows === 1;
  }

  /** The same message came by again (delivered twice, or fetched again). */
  async seenAgain(em: EntityManager, id: number): Promise<void> {
    await em.query('UPDATE inbound_messages SET times_seen = times_seen + 1 WHERE id = ?', [id]);
  }

  async markProcessed(
    em: EntityManager,
    id: number,
    filing: { ticketId: number; ticketMessageId: number; created: boolean; notes: string | null; at: Date },
  ): Promise<void> {
    await em.query(
      `UPDATE inbound_messages SET status = 'processed', reason = NULL, ticket_id = ?, ticket_message_id = ?, ticket_created = ?, notes = ?,
              processed_at = ?, attempts = attempts + 1
        WHERE id = ?`,
      [filing.ticketId, filing.ticketMessageId, filing.created ? 1 : 0, filing.notes, filing.at, id],
    );
  }

  async markRejected(em: EntityManager, id: number, reason: string, at: Date): Promise<void> {
    await em.query(`UPDATE inbound_messages SET status = 'rejected', reason = ?, processed_at = ? WHERE id = ?`, [
      reason.slice(0, 1000),
      at,
      id,
    ]);
  }

  /** A try that failed; returns how many tries the message has had. */
  async failedTry(em: EntityManager, id: number, error: string): Promise<number> {
    await em.query('UPDATE inbound_messages SET attempts = attempts + 1, reason = ? WHERE id = ?', [error.slice(0, 1000), id]);
    const [row]: { attempts: number }[] = await em.query('SELECT attempts FROM inbound_messages WHERE id = ?', [id]);
    return Number(row.attempts);
  }

  async list(
    em: EntityManager,
    filter: InboundMessageFilter,
    sort: { field: InboundMessageSortField; order: SortOrder },
    offset: number,
    limit: number,
  ): Promise<{ rows: InboundMessageResponseDto[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.q) {
      where.push('(m.subject LIKE ? OR m.from_address LIKE ? OR m.reason LIKE ?)');
      const like = likeContains(filter.q);
      params.push(like, like, like);
    }
    if (filter.status) {
      where.push('m.status = ?');
      params.push(filter.status);
    }
    if (filter.ticketId !== undefined) {
      where.push('m.ticket_id = ?');
      params.push(filter.ticketId);
    }
    if (filter.ids) {
      if (!filter.ids.length) return { rows: [], total: 0 };
      where.push('m.id IN (?)');
      params.push(filter.ids);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = 'inbound_messages m JOIN inbound_mailboxes b ON b.id = m.mailbox_id';
    const [{ total }]: { total: number }[] = await em.query(`SELECT COUNT(*) AS total FROM ${from} ${clause}`, params);
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${COLUMNS} FROM ${from} ${clause} ORDER BY ${SORT_COLUMNS[sort.field]} ${sort.order}, m.id ${sort.order} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return { rows: rows.map(toResponse), total: Number(total) };
  }

  /** Where the raw bytes of a message are, when they were kept. */
  async rawStorageKey(em: EntityManager, id: number): Promise<{ found: boolean; key: string | null }> {
    const [row]: { raw_storage_key: string | null }[] = await em.query('SELECT raw_storage_key FROM inbound_messages WHERE id = ?', [id]);
    return { found: !!row, key: row?.raw_storage_key ?? null };
  }
}
