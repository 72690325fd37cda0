import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SortOrder } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import type {
  TicketAttachmentDto,
  TicketLinkDto,
  TicketMessageDto,
  TicketMessageEmailDto,
  TicketRecipientDto,
  TicketRefDto,
  TicketRowDto,
  TicketSortField,
} from './dto/ticket.dto';
import type {
  TicketLinkKind,
  TicketMessageKind,
  TicketPriority,
  TicketSource,
  TicketStatusKind,
  TicketVisibility,
} from './dto/ticket-fields';

export interface TicketListFilter {
  q?: string;
  statusId?: number;
  statusKind?: TicketStatusKind[];
  groupId?: number;
  assigneeUserId?: number;
  unassigned?: boolean;
  priority?: TicketPriority[];
  overdue?: boolean;
  accountId?: number;
  withoutAccount?: boolean;
  visibility?: TicketVisibility;
  merged?: boolean;
  ids?: number[];
}

/** The columns a ticket's own rules need, read (and locked) before a change. */
export interface TicketCore {
  id: number;
  accountId: number | null;
  subject: string;
  statusId: number;
  statusKind: TicketStatusKind;
  priority: TicketPriority;
  groupId: number | null;
  assigneeUserId: number | null;
  visibility: TicketVisibility;
  parentTicketId: number | null;
  mergedIntoTicketId: number | null;
  firstRespondedAt: Date | null;
  closedAt: Date | null;
}

export interface TicketRowValues {
  accountId: number | null;
  subject: string;
  description: string | null;
  statusId: number;
  priority: TicketPriority;
  groupId: number | null;
  assigneeUserId: number | null;
  visibility: TicketVisibility;
  dueDate: string | null;
  source: TicketSource;
  callLogId: number | null;
  callLogTicketRequestId: number | null;
  parentTicketId: number | null;
  closedAt: Date | null;
  createdByUserId: number | null;
}

const LINK_COUNT = (kind: TicketLinkKind) => `(SELECT COUNT(*) FROM ticket_links l WHERE l.ticket_id = t.id AND l.kind = '${kind}')`;

const ROW_COLUMNS = `t.id, t.account_id, a.name AS account_name, t.subject, t.status_id, s.name AS status_name, s.kind AS status_kind,
  t.priority, t.group_id, g.name AS group_name, t.assignee_user_id, u.name AS assignee_name, t.visibility,
  DATE_FORMAT(t.due_date, '%Y-%m-%d') AS due_date, t.source, t.parent_ticket_id, t.merged_into_ticket_id, t.created_at,
  t.last_activity_at, t.first_responded_at, t.closed_at,
  ${LINK_COUNT('task')} AS n_tasks, ${LINK_COUNT('file')} AS n_files, ${LINK_COUNT('job')} AS n_jobs,
  ${LINK_COUNT('inventory_item')} AS n_items, (SELECT COUNT(*) FROM tickets c WHERE c.parent_ticket_id = t.id) AS n_children`;
const DETAIL_COLUMNS = `${ROW_COLUMNS}, t.description, t.created_by_user_id, cb.name AS created_by_name, t.call_log_id, t.call_log_ticket_request_id`;
const FROM = `tickets t JOIN ticket_statuses s ON s.id = t.status_id LEFT JOIN accounts a ON a.id = t.account_id
  LEFT JOIN ticket_groups g ON g.id = t.group_id LEFT JOIN staff_users u ON u.id = t.assignee_user_id`;
const DETAIL_FROM = `${FROM} LEFT JOIN staff_users cb ON cb.id = t.created_by_user_id`;

const iso = (value: unknown): string => new Date(value as string | Date).toISOString();
const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : iso(value));
const idOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function toRow(r: Record<string, unknown>, today: string): TicketRowDto {
  const dueDate = (r.due_date as string | null) ?? null;
  const statusKind = r.status_kind as TicketStatusKind;
  return {
    id: Number(r.id),
    accountId: idOrNull(r.account_id),
    accountName: (r.account_name as string | null) ?? null,
    subject: r.subject as string,
    statusId: Number(r.status_id),
    statusName: r.status_name as string,
    statusKind,
    priority: r.priority as TicketPriority,
    groupId: idOrNull(r.group_id),
    groupName: (r.group_name as string | null) ?? null,
    assigneeUserId: idOrNull(r.assignee_user_id),
    assigneeName: (r.assignee_name as string | null) ?? null,
    visibility: r.visibility as TicketVisibility,
    dueDate,
    overdue: dueDate !== null && dueDate < today && statusKind !== 'closed',
    source: r.source as TicketSource,
    parentTicketId: idOrNull(r.parent_ticket_id),
    mergedIntoTicketId: idOrNull(r.merged_into_ticket_id),
    createdAt: iso(r.created_at),
    lastActivityAt: iso(r.last_activity_at),
    firstRespondedAt: isoOrNull(r.first_responded_at),
    closedAt: isoOrNull(r.closed_at),
    linkCounts: {
      tasks: Number(r.n_tasks),
      files: Number(r.n_files),
      jobs: Number(r.n_jobs),
      inventoryItems: Number(r.n_items),
      childTickets: Number(r.n_children),
    },
  };
}

export type TicketDetailRow = TicketRowDto & {
  description: string | null;
  createdByUserId: number | null;
  createdByName: string | null;
  callLogId: number | null;
  callLogTicketRequestId: number | null;
};

function orderBy(field: TicketSortField, order: SortOrder): string {
  switch (field) {
    case 'id':
      return `t.id ${order}`;
    case 'subject':
      return `t.subject ${order}, t.id ${order}`;
    // An ENUM sorts by its position in the list: low, medium, high, critical.
    case 'priority':
      return `t.priority ${order}, t.id ${order}`;
    case 'status':
      return `s.position ${order}, s.name ${order}, t.id ${order}`;
    case 'createdAt':
      return `t.created_at ${order}, t.id ${order}`;
    case 'lastActivityAt':
      return `t.last_activity_at ${order}, t.id ${order}`;
    // Tickets without a due date come last either way.
    case 'dueDate':
      return `t.due_date IS NULL, t.due_date ${order}, t.id ${order}`;
  }
}

/** The SQL of the tickets tables, in one place. */
@Injectable()
export class TicketRows {
  async list(
    em: EntityManager,
    filter: TicketListFilter,
    today: string,
    sort: { field: TicketSortField; order: SortOrder },
    offset: number,
    limit: number,
  ): Promise<{ rows: TicketRowDto[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const q = filter.q?.trim();
    if (q) {
      const number = /^#?(\d{1,10})$/.exec(q);
      if (number) {
        where.push('(t.id = ? OR t.subject LIKE ?)');
        params.push(Number(number[1]), likeContains(q));
      } else {
        where.push('(t.subject LIKE ? OR t.description LIKE ?)');
        params.push(likeContains(q), likeContains(q));
      }
    }
    const equal = (column: string, value: unknown) => {
      if (value === undefined) return;
      where.push(`${column} = ?`);
      params.push(value);
    };
    equal('t.status_id', filter.statusId);
    equal('t.group_id', filter.groupId);
    equal('t.assignee_user_id', filter.assigneeUserId);
    equal('t.account_id', filter.accountId);
    equal('t.visibility', filter.visibility);
    if (filter.statusKind?.length) {
      where.push('s.kind IN (?)');
      params.push(filter.statusKind);
    }
    if (filter.priority?.length) {
      where.push('t.priority IN (?)');
      params.push(filter.priority);
    }
    if (filter.unassigned === true) where.push('t.assignee_user_id IS NULL');
    if (filter.unassigned === false) where.push('t.assignee_user_id IS NOT NULL');
    if (filter.withoutAccount === true) where.push('t.account_id IS NULL');
    if (filter.withoutAccount === false) where.push('t.account_id IS NOT NULL');
    if (filter.merged === true) where.push('t.merged_into_ticket_id IS NOT NULL');
    if (filter.merged === false) where.push('t.merged_into_ticket_id IS NULL');
    if (filter.overdue !== undefined) {
      const overdue = "(t.due_date IS NOT NULL AND t.due_date < ? AND s.kind <> 'closed')";
      where.push(filter.overdue ? overdue : `NOT ${overdue}`);
      params.push(today);
    }
    if (filter.ids?.length) {
      where.push('t.id IN (?)');
      params.push(filter.ids);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: number }[] = await em.query(
      `SELECT COUNT(*) AS n FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id ${clause}`,
      params,
    );
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT ${ROW_COLUMNS} FROM ${FROM} ${clause} ORDER BY ${orderBy(sort.field, sort.order)} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return { rows: rows.map((r) => toRow(r, today)), total: Number(n) };
  }

  async detailRow(em: EntityManager, id: number, today: string): Promise<TicketDetailRow | null> {
    const [r]: Record<string, unknown>[] = await em.query(`SELECT ${DETAIL_COLUMNS} FROM ${DETAIL_FROM} WHERE t.id = ?`, [id]);
    if (!r) return null;
    return {
      ...toRow(r, today),
      description: (r.description as string | null) ?? null,
      createdByUserId: idOrNull(r.created_by_user_id),
      createdByName: (r.created_by_name as string | null) ?? null,
      callLogId: idOrNull(r.call_log_id),
      callLogTicketRequestId: idOrNull(r.call_log_ticket_request_id),
    };
  }

  async core(em: EntityManager, id: number, lock = false): Promise<TicketCore | null> {
    const [r]: Record<string, unknown>[] = await em.query(
      `SELECT t.id, t.account_id, t.subject, t.status_id, s.kind AS status_kind, t.priority, t.group_id, t.assignee_user_id,
         t.visibility, t.parent_ticket_id, t.merged_into_ticket_id, t.first_responded_at, t.closed_at
       FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id WHERE t.id = ?${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!r) return null;
    return {
      id: Number(r.id),
      accountId: idOrNull(r.account_id),
      subject: r.subject as string,
      statusId: Number(r.status_id),
      statusKind: r.status_kind as TicketStatusKind,
      priority: r.priority as TicketPriority,
      groupId: idOrNull(r.group_id),
      assigneeUserId: idOrNull(r.assignee_user_id),
      visibility: r.visibility as TicketVisibility,
      parentTicketId: idOrNull(r.parent_ticket_id),
      mergedIntoTicketId: idOrNull(r.merged_into_ticket_id),
      firstRespondedAt: (r.first_responded_at as Date | null) ?? null,
      closedAt: (r.closed_at as Date | null) ?? null,
    };
  }

  async accountOf(em: EntityManager, id: number): Promise<{ accountId: number | null } | null> {
    const [r]: { account_id: number | null }[] = await em.query('SELECT account_id FROM tickets WHERE id = ?', [id]);
    return r ? { accountId: idOrNull(r.account_id) } : null;
  }

  async insert(em: EntityManager, v: TicketRowValues, now: Date): Promise<number> {
    const res: { insertId: number } = await em.query(
      `INSERT INTO tickets (account_id, subject, description, status_id, priority, group_id, assignee_user_id, visibility, due_date,
         source, call_log_id, call_log_ticket_request_id, parent_ticket_id, closed_at, created_by_user_id, last_activity_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        v.accountId,
        v.subject,
        v.description,
        v.statusId,
        v.priority,
        v.groupId,
        v.assigneeUserId,
        v.visibility,
        v.dueDate,
        v.source,
        v.callLogId,
        v.callLogTicketRequestId,
        v.parentTicketId,
        v.closedAt,
        v.createdByUserId,
        now,
        now,
      ],
    );
    return Number(res.insertId);
  }

  async update(em: EntityManager, id: number, changes: Record<string, unknown>): Promise<void> {
    const keys = Object.keys(changes).filter((key) => changes[key] !== undefined);
    if (!keys.length) return;
    await em.query(`UPDATE tickets SET ${keys.map((key) => `${key} = ?`).join(', ')} WHERE id = ?`, [...keys.map((k) => changes[k]), id]);
  }

  async byCallLogTicketRequest(em: EntityManager, requestId: number): Promise<number | null> {
    const [r]: { id: number }[] = await em.query('SELECT id FROM tickets WHERE call_log_ticket_request_id = ?', [requestId]);
    return r ? Number(r.id) : null;
  }

  // ---- statuses, groups, users, contacts ----

  async status(em: EntityManager, id: number): Promise<{ id: number; kind: TicketStatusKind; isDefault: boolean } | null> {
    const [r]: { id: number; kind: TicketStatusKind; is_default: number }[] = await em.query(
      'SELECT id, kind, is_default FROM ticket_statuses WHERE id = ?',
      [id],
    );
    return r ? { id: Number(r.id), kind: r.kind, isDefault: Boolean(r.is_default) } : null;
  }

  async defaultStatusId(em: EntityManager): Promise<number> {
    const [r]: { id: number }[] = await em.query(
      "SELECT id FROM ticket_statuses WHERE is_default = 1 AND kind = 'open' ORDER BY id LIMIT 1",
    );
    if (r) return Number(r.id);
    const [any]: { id: number }[] = await em.query("SELECT id FROM ticket_statuses WHERE kind = 'open' ORDER BY position, id LIMIT 1");
    if (!any) throw new Error('No ticket status of kind open exists');
    return Number(any.id);
  }

  /** The status a merged ticket is put in: the first of kind closed. */
  async firstClosedStatusId(em: EntityManager): Promise<number> {
    const [r]: { id: number }[] = await em.query("SELECT id FROM ticket_statuses WHERE kind = 'closed' ORDER BY position, id LIMIT 1");
    if (!r) throw new Error('No ticket status of kind closed exists');
    return Number(r.id);
  }

  async group(em: EntityManager, id: number): Promise<{ id: number; disabled: boolean; inboundAddress: string | null } | null> {
    const [r]: { id: number; disabled: number; inbound_address: string | null }[] = await em.query(
      'SELECT id, disabled, inbound_address FROM ticket_groups WHERE id = ?',
      [id],
    );
    return r ? { id: Number(r.id), disabled: Boolean(r.disabled), inboundAddress: r.inbound_address } : null;
  }

  async contactsOf(em: EntityManager, accountId: number, contactIds: number[]): Promise<Map<number, { email: string | null }>> {
    if (!contactIds.length) return new Map();
    const rows: { id: number; email: string | null }[] = await em.query(
      'SELECT id, email FROM contacts WHERE account_id = ? AND id IN (?)',
      [accountId, contactIds],
    );
    return new Map(rows.map((r) => [Number(r.id), { email: r.email }]));
  }

  async primaryContact(em: EntityManager, accountId: number): Promise<{ id: number; email: string } | null> {
    const [r]: { id: number; email: string | null }[] = await em.query('SELECT id, email FROM contacts WHERE primary_account_id = ?', [
      accountId,
    ]);
    return r && r.email ? { id: Number(r.id), email: r.email } : null;
  }

  async inventoryItemAccount(em: EntityManager, id: number): Promise<{ accountId: number | null } | null> {
    const [r]: { account_id: number | null }[] = await em.query('SELECT account_id FROM inventory_items WHERE id = ?', [id]);
    return r ? { accountId: idOrNull(r.account_id) } : null;
  }

  // ---- recipients ----

  async recipients(em: EntityManager, ticketId: number): Promise<TicketRecipientDto[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT r.id, r.contact_id, c.name AS contact_name, r.address FROM ticket_recipients r LEFT JOIN contacts c ON c.id = r.contact_id
       WHERE r.ticket_id = ? ORDER BY r.id`,
      [ticketId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      contactId: idOrNull(r.contact_id),
      contactName: (r.contact_name as string | null) ?? null,
      address: r.address as string,
    }));
  }

  async replaceRecipients(em: EntityManager, ticketId: number, recipients: { contactId: number | null; address: string }[]): Promise<void> {
    await em.query('DELETE FROM ticket_recipients WHERE ticket_id = ?', [ticketId]);
    await this.addRecipients(em, ticketId, recipients);
  }

  /** Adds the addresses the ticket lacks; an address it has already is kept as it is. */
  async addRecipients(em: EntityManager, ticketId: number, recipients: { contactId: number | null; address: string }[]): Promise<void> {
    if (!recipients.length) return;
    await em.query('INSERT IGNORE INTO ticket_recipients (ticket_id, contact_id, address) VALUES ?', [
      recipients.map((r) => [ticketId, r.contactId, r.address]),
    ]);
  }

  // ---- messages ----

  async insertMessage(
    em: EntityManager,
    m: {
      ticketId: number;
      kind: TicketMessageKind;
      authorUserId: number | null;
      fromAddress: string | null;
      bodyText: string;
      bodyHtml: string | null;
      messageId: string | null;
      inReplyTo: string | null;
      createdAt: Date;
    },
  ): Promise<number> {
    const res: { insertId: number } = await em.query(
      `INSERT INTO ticket_messages (ticket_id, written_on_ticket_id, kind, author_user_id, from_address, body_text, body_html, message_id,
         in_reply_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [m.ticketId, m.ticketId, m.kind, m.authorUserId, m.fromAddress, m.bodyText, m.bodyHtml, m.messageId, m.inReplyTo, m.createdAt],
    );
    return Number(res.insertId);
  }

  async setMessageId(em: EntityManager, id: number, messageId: string): Promise<void> {
    await em.query('UPDATE ticket_messages SET message_id = ? WHERE id = ?', [messageId, id]);
  }

  /** The thread's Message-IDs, oldest first: mail that came in and replies that went out. */
  async threadMessageIds(em: EntityManager, ticketId: number): Promise<string[]> {
    const rows: { message_id: string }[] = await em.query(
      'SELECT message_id FROM ticket_messages WHERE ticket_id = ? AND message_id IS NOT NULL ORDER BY created_at, id',
      [ticketId],
    );
    return rows.map((r) => r.message_id);
  }

  async linkMessageEmails(em: EntityManager, messageId: number, emailIds: number[]): Promise<void> {
    if (!emailIds.length) return;
    await em.query('INSERT IGNORE INTO ticket_message_emails (message_id, email_id) VALUES ?', [emailIds.map((id) => [messageId, id])]);
  }

  async insertAttachment(
    em: EntityManager,
    a: { messageId: number; name: string; mimeType: string; sizeBytes: number; storageKey: string; accountFileId: number | null },
  ): Promise<number> {
    const res: { insertId: number } = await em.query(
      `INSERT INTO ticket_attachments (message_id, name, mime_type, size_bytes, storage_key, account_file_id) VALUES (?, ?, ?, ?, ?, ?)`,
      [a.messageId, a.name, a.mimeType, a.sizeBytes, a.storageKey, a.accountFileId],
    );
    return Number(res.insertId);
  }

  async attachment(
    em: EntityManager,
    id: number,
  ): Promise<{ id: number; name: string; mimeType: string; sizeBytes: number; storageKey: string } | null> {
    const [r]: Record<string, unknown>[] = await em.query(
      'SELECT id, name, mime_type, size_bytes, storage_key FROM ticket_attachments WHERE id = ?',
      [id],
    );
    return r
      ? {
          id: Number(r.id),
          name: r.name as string,
          mimeType: r.mime_type as string,
          sizeBytes: Number(r.size_bytes),
          storageKey: r.storage_key as string,
        }
      : null;
  }

  async messages(em: EntityManager, ticketId: number): Promise<TicketMessageDto[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT m.id, m.kind, m.written_on_ticket_id, m.author_user_id, u.name AS author_name, m.from_address, m.body_text, m.body_html,
         m.message_id, m.created_at
       FROM ticket_messages m LEFT JOIN staff_users u ON u.id = m.author_user_id WHERE m.ticket_id = ? ORDER BY m.created_at, m.id`,
      [ticketId],
    );
    const ids = rows.map((r) => Number(r.id));
    const attachments = new Map<number, TicketAttachmentDto[]>(ids.map((id) => [id, []]));
    const emails = new Map<number, TicketMessageEmailDto[]>(ids.map((id) => [id, []]));
    if (ids.length) {
      const found: Record<string, unknown>[] = await em.query(
        `SELECT id, message_id, name, mime_type, size_bytes, account_file_id FROM ticket_attachments WHERE message_id IN (?) ORDER BY id`,
        [ids],
      );
      for (const a of found) {
        attachments.get(Number(a.message_id))?.push({
          id: Number(a.id),
          name: a.name as string,
          mimeType: a.mime_type as string,
          sizeBytes: Number(a.size_bytes),
          accountFileId: idOrNull(a.account_file_id),
        });
      }
      const sent: Record<string, unknown>[] = await em.query(
        `SELECT me.message_id, e.id, e.to_address, e.status FROM ticket_message_emails me JOIN emails e ON e.id = me.email_id
         WHERE me.message_id IN (?) ORDER BY e.id`,
        [ids],
      );
      for (const e of sent) {
        emails.get(Number(e.message_id))?.push({ emailId: Number(e.id), to: e.to_address as string, status: e.status as string });
      }
    }
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind as TicketMessageKind,
      writtenOnTicketId: Number(r.written_on_ticket_id),
      authorUserId: idOrNull(r.author_user_id),
      authorName: (r.author_name as string | null) ?? null,
      fromAddress: (r.from_address as string | null) ?? null,
      bodyText: r.body_text as string,
      bodyHtml: (r.body_html as string | null) ?? null,
      messageId: (r.message_id as string | null) ?? null,
      createdAt: iso(r.created_at),
      attachments: attachments.get(Number(r.id)) ?? [],
      emails: emails.get(Number(r.id)) ?? [],
    }));
  }

  // ---- links ----

  async links(em: EntityManager, ticketId: number): Promise<Omit<TicketLinkDto, 'label'>[]> {
    const rows: Record<string, unknown>[] = await em.query(
      'SELECT id, kind, target_id, created_at FROM ticket_links WHERE ticket_id = ? ORDER BY id',
      [ticketId],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind as TicketLinkKind,
      targetId: Number(r.target_id),
      createdAt: iso(r.created_at),
    }));
  }

  async link(em: EntityManager, ticketId: number, linkId: number): Promise<{ id: number; kind: TicketLinkKind; targetId: number } | null> {
    const [r]: Record<string, unknown>[] = await em.query('SELECT id, kind, target_id FROM ticket_links WHERE id = ? AND ticket_id = ?', [
      linkId,
      ticketId,
    ]);
    return r ? { id: Number(r.id), kind: r.kind as TicketLinkKind, targetId: Number(r.target_id) } : null;
  }

  /** Inserts the link unless the ticket has it already; returns whether it is new. */
  async insertLink(em: EntityManager, ticketId: number, kind: TicketLinkKind, targetId: number, userId: number | null): Promise<boolean> {
    const res: { affectedRows: number } = await em.query(
      'INSERT IGNORE INTO ticket_links (ticket_id, kind, target_id, created_by_user_id) VALUES (?, ?, ?, ?)',
      [ticketId, kind, targetId, userId],
    );
    return Number(res.affectedRows) > 0;
  }

  async linksTo(em: EntityManager, kind: TicketLinkKind, targetId: number): Promise<{ id: number; ticketId: number }[]> {
    const rows: { id: number; ticket_id: number }[] = await em.query(
      'SELECT id, ticket_id FROM ticket_links WHERE kind = ? AND target_id = ? ORDER BY id FOR UPDATE',
      [kind, targetId],
    );
    return rows.map((r) => ({ id: Number(r.id), ticketId: Number(r.ticket_id) }));
  }

  async deleteLink(em: EntityManager, linkId: number): Promise<void> {
    await em.query('DELETE FROM ticket_links WHERE id = ?', [linkId]);
  }

  async inventoryLabels(em: EntityManager, ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows: { id: number; model: string; serial: string | null }[] = await em.query(
      `SELECT i.id, m.name AS model, i.serial FROM inventory_items i JOIN inventory_models m ON m.id = i.model_id WHERE i.id IN (?)`,
      [ids],
    );
    return new Map(rows.map((r) => [Number(r.id), r.serial ? `${r.model} ${r.serial}` : r.model]));
  }

  // ---- family ----

  async refs(em: EntityManager, where: string, params: unknown[]): Promise<TicketRefDto[]> {
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT t.id, t.subject, s.name AS status_name, s.kind AS status_kind FROM tickets t JOIN ticket_statuses s ON s.id = t.status_id
       WHERE ${where} ORDER BY t.id`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      subject: r.subject as string,
      statusName: r.status_name as string,
      statusKind: r.status_kind as TicketStatusKind,
    }));
  }

  /** The ticket's ancestors, nearest first. */
  async ancestors(em: EntityManager, ticketId: number): Promise<number[]> {
    const chain: number[] = [];
    let current: number | null = ticketId;
    while (current !== null && chain.length < 100) {
      const [r]: { parent_ticket_id: number | null }[] = await em.query('SELECT parent_ticket_id FROM tickets WHERE id = ?', [current]);
      current = r ? idOrNull(r.parent_ticket_id) : null;
      if (current !== null) {
        if (chain.includes(current) || current === ticketId) break;
        chain.push(current);
      }
    }
    return chain;
  }

  /** How many levels of children hang below the ticket (0 for none). */
  async depthBelow(em: EntityManager, ticketId: number): Promise<number> {
    let level = [ticketId];
    let depth = 0;
    while (depth < 100) {
      const rows: { id: number }[] = await em.query('SELECT id FROM tickets WHERE parent_ticket_id IN (?)', [level]);
      if (!rows.length) return depth;
      level = rows.map((r) => Number(r.id));
      depth += 1;
    }
    return depth;
  }

  /** Every descendant of the ticket. */
  async descendants(em: EntityManager, ticketId: number): Promise<number[]> {
    const all: number[] = [];
    let level = [ticketId];
    while (level.length && all.length < 10_000) {
      const rows: { id: number }[] = await em.query('SELECT id FROM tickets WHERE parent_ticket_id IN (?)', [level]);
      level = rows.map((r) => Number(r.id)).filter((id) => !all.includes(id) && id !== ticketId);
      all.push(...level);
    }
    return all;
  }

  // ---- merge ----

  async moveForMerge(em: EntityManager, sourceId: number, targetId: number): Promise<void> {
    await em.query('UPDATE ticket_messages SET ticket_id = ? WHERE ticket_id = ?', [targetId, sourceId]);
    await em.query(
      `INSERT IGNORE INTO ticket_links (ticket_id, kind, target_id, created_by_user_id, created_at)
       SELECT ?, kind, target_id, created_by_user_id, created_at FROM ticket_links WHERE ticket_id = ?`,
      [targetId, sourceId],
    );
    await em.query('DELETE FROM ticket_links WHERE ticket_id = ?', [sourceId]);
    await em.query(
      `INSERT IGNORE INTO ticket_recipients (ticket_id, contact_id, address, created_at)
       SELECT ?, contact_id, address, created_at FROM ticket_recipients WHERE ticket_id = ?`,
      [targetId, sourceId],
    );
    await em.query('UPDATE tickets SET parent_ticket_id = ? WHERE parent_ticket_id = ?', [targetId, sourceId]);
  }

  async mergedFrom(em: EntityManager, ticketId: number): Promise<{ id: number; subject: string }[]> {
    const rows: { id: number; subject: string }[] = await em.query(
      'SELECT id, subject FROM tickets WHERE merged_into_ticket_id = ? ORDER BY id',
      [ticketId],
    );
    return rows.map((r) => ({ id: Number(r.id), subject: r.subject }));
  }
}
