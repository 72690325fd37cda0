import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Writable } from 'node:stream';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { Clock } from '../common/clock';
import { csvRow } from '../common/csv';
import { ListQuery, ListResult } from '../common/list-query';
import { Actor, requestContext } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ActionHistory, AuditState } from './action-history.entity';
import { ActionWords, describeAction } from './action-history-words';
import { ActionHistoryFilterDto, ActionHistorySortField } from './dto/action-history-filter.dto';
import { ViewHistoryFilterDto } from './dto/view-history-filter.dto';
import { ViewHistory } from './view-history.entity';

export interface ActionRecord {
  action: string;
  entityType: string;
  entityId: string | number;
  /** The owning account, when the entity is an account or belongs to one. */
  accountId?: number | null;
  before?: AuditState;
  after?: AuditState;
  /** Defaults to the logged-in user of the current request. */
  actor?: Actor | null;
}

const SECRET_KEYS = /password|hash|token|secret/i;

/** Audit states must never carry credentials, whatever an entity holds. */
export function redactSecrets(state: AuditState | undefined): AuditState {
  if (!state) return null;
  return Object.fromEntries(
    Object.entries(state).map(([key, value]) => [key, SECRET_KEYS.test(key) && typeof value === 'string' ? '[redacted]' : value]),
  );
}

const ACTION_COLUMNS: Record<ActionHistorySortField, string> = {
  id: 'a.id',
  createdAt: 'a.created_at',
  action: 'a.action',
  entityType: 'a.entity_type',
};

export const CSV_HEADER = [
  'id',
  'created_at',
  'actor_user_id',
  'actor_email',
  'action',
  'summary',
  'entity_type',
  'entity_id',
  'account_id',
  'request_id',
  'before',
  'after',
];

/** An entry as the API shows it: the row, with the sentence and links the clerk reads. */
export type DescribedAction = ActionHistory & ActionWords;

function withoutNulls(state: AuditState): Record<string, unknown> {
  return Object.fromEntries(Object.entries(state ?? {}).filter(([, value]) => value !== null && value !== undefined));
}

function actionCsvRow(a: DescribedAction): string {
  return csvRow([
    a.id,
    a.createdAt,
    a.actorUserId,
    a.actorEmail,
    a.action,
    a.summary,
    a.entityType,
    a.entityId,
    a.accountId,
    a.requestId,
    a.before,
    a.after,
  ]);
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(ActionHistory) private readonly actions: Repository<ActionHistory>,
    @InjectRepository(ViewHistory) private readonly views: Repository<ViewHistory>,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The entries with their sentences and links, money in the instance currency. An invoice is named
   * by its number and total as they stand now (a bill run records the invoice before numbering it),
   * read for the whole page at once.
   */
  async describe(entries: ActionHistory[]): Promise<DescribedAction[]> {
    const invoiceIds = [...new Set(entries.filter((e) => e.entityType === 'invoice').map((e) => Number(e.entityId)))];
    const invoices = new Map<string, { number: string | null; total: number }>();
    if (invoiceIds.length) {
      const rows: { id: number; number: string | null; total: string | number }[] = await this.actions.manager.query(
        'SELECT id, number, total FROM invoices WHERE id IN (?)',
        [invoiceIds],
      );
      for (const row of rows) invoices.set(String(row.id), { number: row.number, total: Number(row.total) });
    }
    return entries.map((entry) => {
      const invoice = entry.entityType === 'invoice' ? invoices.get(entry.entityId) : undefined;
      const facts = invoice ? { ...entry, after: { ...invoice, ...withoutNulls(entry.after) } } : entry;
      return Object.assign(entry, describeAction(facts, this.config.CURRENCY));
    });
  }

  /** CSV lines for a page of entries, the summary column being the sentence the list shows. */
  async csvRows(entries: ActionHistory[]): Promise<string> {
    return (await this.describe(entries)).map((entry) => actionCsvRow(entry)).join('');
  }

  /** Writes inside the caller's transaction, so the entry exists exactly when the change does. */
  async recordAction(em: EntityManager, record: ActionRecord): Promise<void> {
    await this.recordActions(em, [record]);
  }

  /** Several entries in one INSERT, for work done in bulk (a bill run batch writes one per invoice). */
  async recordActions(em: EntityManager, records: ActionRecord[]): Promise<void> {
    if (!records.length) return;
    const context = requestContext.current();
    const now = this.clock.now();
    // One multi-row INSERT written by hand: the ORM's insert costs far more per row than the row itself.
    const rows = records.map((record) => {
      const actor = record.actor === undefined ? context?.actor : record.actor;
      const before = redactSecrets(record.before);
      const after = redactSecrets(record.after);
      return [
        actor?.userId ?? null,
        actor?.email ?? null,
        record.action,
        record.entityType,
        String(record.entityId),
        record.accountId ?? null,
        before === null ? null : JSON.stringify(before),
        after === null ? null : JSON.stringify(after),
        context?.requestId ?? null,
        now,
      ];
    });
    await em.query(
      `INSERT INTO action_history (actor_user_id, actor_email, action, entity_type, entity_id, account_id, before_state, after_state,
         request_id, created_at) VALUES ?`,
      [rows],
    );
  }

  async recordView(entityType: string, entityId: string | number, viewer: Actor): Promise<void> {
    await this.views.insert({
      userId: viewer.userId,
      userEmail: viewer.email,
      entityType,
      entityId: String(entityId),
      viewedAt: this.clock.now(),
    });
  }

  async listActions(query: ListQuery<ActionHistoryFilterDto, ActionHistorySortField>): Promise<ListResult<DescribedAction>> {
    const qb = this.filteredActions(query.filter)
      .orderBy(ACTION_COLUMNS[query.sort.field], query.sort.order)
      .addOrderBy('a.id', query.sort.order)
      .offset(query.offset)
      .limit(query.limit);
    const [items, total] = await qb.getManyAndCount();
    return new ListResult('action-history', await this.describe(items), total, query.offset);
  }

  async listViews(query: ListQuery<ViewHistoryFilterDto, 'id' | 'viewedAt'>): Promise<ListResult<ViewHistory>> {
    const qb = this.views.createQueryBuilder('v');
    if (query.filter.entityType) qb.andWhere('v.entity_type = :entityType', { entityType: query.filter.entityType });
    if (query.filter.entityId) qb.andWhere('v.entity_id = :entityId', { entityId: query.filter.entityId });
    if (query.filter.userId) qb.andWhere('v.user_id = :userId', { userId: query.filter.userId });
    qb.orderBy(query.sort.field === 'viewedAt' ? 'v.viewed_at' : 'v.id', query.sort.order)
      .addOrderBy('v.id', query.sort.order)
      .offset(query.offset)
      .limit(query.limit);
    const [items, total] = await qb.getManyAndCount();
    return new ListResult('view-history', items, total, query.offset);
  }

  /**
   * Rows after `afterId` in id order: keyset paging, so exports of millions of
   * rows cost the same per page as the first one.
   */
  async actionsAfter(
    filter: ActionHistoryFilterDto,
    afterId: number,
    limit: number,
    order: 'ASC' | 'DESC' = 'ASC',
  ): Promise<ActionHistory[]> {
    const qb = this.filteredActions(filter);
    if (afterId > 0) qb.andWhere(order === 'ASC' ? 'a.id > :afterId' : 'a.id < :afterId', { afterId });
    return qb.orderBy('a.id', order).limit(limit).getMany();
  }

  /** Streams the whole filtered history as CSV, page by page, to keep memory flat. */
  async writeActionsCsv(filter: ActionHistoryFilterDto, order: 'ASC' | 'DESC', out: Writable): Promise<number> {
    out.write(csvRow(CSV_HEADER));
    let afterId = 0;
    let count = 0;
    for (;;) {
      const page = await this.actionsAfter(filter, afterId, 2000, order);
      if (page.length === 0) break;
      const chunk = await this.csvRows(page);
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
      count += page.length;
      afterId = page[page.length - 1].id;
      if (page.length < 2000) break;
    }
    return count;
  }

  private filteredActions(filter: ActionHistoryFilterDto): SelectQueryBuilder<ActionHistory> {
    const qb = this.actions.createQueryBuilder('a');
    if (filter.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.accountId) qb.andWhere('a.account_id = :accountId', { accountId: filter.accountId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.kind) {
      // A kind is either the action itself (invoice.void) or the entity type and a plain verb (package.create).
      const dot = filter.kind.lastIndexOf('.');
      qb.andWhere('(a.action = :kind OR (a.entity_type = :kindEntity AND a.action = :kindVerb))', {
        kind: filter.kind,
        kindEntity: filter.kind.slice(0, dot),
        kindVerb: filter.kind.slice(dot + 1),
      });
    }
    if (filter.actorUserId) qb.andWhere('a.actor_user_id = :actorUserId', { actorUserId: filter.actorUserId });
    if (filter.requestId) qb.andWhere('a.request_id = :requestId', { requestId: filter.requestId });
    if (filter.createdFrom) qb.andWhere('a.created_at >= :createdFrom', { createdFrom: new Date(filter.createdFrom) });
    if (filter.createdTo) qb.andWhere('a.created_at < :createdTo', { createdTo: new Date(filter.createdTo) });
    return qb;
  }
}
