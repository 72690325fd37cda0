import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { workflowIds } from '../../workflows/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { FamilyLockService } from '../billing/family-lock.service';
import { Clock } from '../common/clock';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { transactionWithRetry } from '../database/transaction';
import { DataServiceGuard } from './data-service-guard';
import { UNSAVED_EVENT_ID } from './data-service-rule';
import {
  CreateScheduledEventDto,
  ScheduledEventFilterDto,
  ScheduledEventResponseDto,
  UpdateScheduledEventDto,
} from './dto/scheduled-event.dto';
import {
  EMPTY_FIELDS,
  givenFields,
  KIND_FIELDS,
  KindField,
  KindFields,
  kindFieldErrors,
  ScheduledEventKind,
} from './scheduled-event-kinds';
import { ScheduledEventRow, ScheduledEventRows } from './scheduled-event-rows';
import { EventFacts, ScheduledEventTargets } from './scheduled-event-targets';
import { ScheduledEventWorkflows } from './scheduled-event-workflows';
import { ScheduledEventsErrorCode } from './scheduled-events.error-codes';

export type ScheduledEventSortField = 'runAt' | 'id';

/** Ten years: far enough for any plan, near enough to catch a mistyped year. */
const FURTHEST_MS = 10 * 366 * 24 * 3600 * 1000;

export function toResponse(row: ScheduledEventRow, facts: EventFacts): ScheduledEventResponseDto {
  return {
    id: row.id,
    accountId: row.accountId,
    kind: row.kind,
    summary: facts.summary,
    runAt: row.runAt.toISOString(),
    state: row.state,
    failureReason: row.failureReason,
    serviceId: row.serviceId,
    packageId: row.packageId,
    accountServiceId: row.accountServiceId,
    quantity: row.quantity,
    priceOverride: row.priceOverride,
    accountStatusId: row.accountStatusId,
    prorate: row.prorate,
    revision: row.revision,
    workflowId: row.workflowId,
    createdBy: row.createdBy,
    createdByEmail: row.createdByEmail,
    actedAt: row.actedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The kind fields of a request body, with null for every one it leaves out. */
function fieldsOf(body: Partial<Record<KindField, unknown>>, base: KindFields = EMPTY_FIELDS): KindFields {
  const merged = Object.fromEntries(KIND_FIELDS.map((field) => [field, base[field]])) as KindFields;
  for (const field of KIND_FIELDS) {
    if (body[field] !== undefined) (merged as Record<KindField, unknown>)[field] = body[field];
  }
  return merged;
}

/** Which field names what an event acts on, for the data-service rule's message. */
const TARGET_FIELD: Record<ScheduledEventKind, KindField> = {
  add_service: 'serviceId',
  add_package: 'packageId',
  remove_service: 'accountServiceId',
  remove_package: 'accountServiceId',
  change_status: 'accountStatusId',
  set_price_override: 'accountServiceId',
  clear_price_override: 'accountServiceId',
};

/**
 * Scheduled events on accounts. Each change is written to the database and handed
 * to the event's workflow in one transaction under the account family's lock: if
 * the workflow cannot be started or told, the change is rolled back, so no event
 * waits without a workflow and no workflow acts on an edit the database lost.
 */
@Injectable()
export class ScheduledEventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: ScheduledEventRows,
    private readonly targets: ScheduledEventTargets,
    private readonly dataServices: DataServiceGuard,
    private readonly workflows: ScheduledEventWorkflows,
    private readonly locks: FamilyLockService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(
    accountId: number,
    query: ListQuery<ScheduledEventFilterDto, ScheduledEventSortField>,
  ): Promise<ListResult<ScheduledEventResponseDto>> {
    const [account]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
    if (!account) throw new NotFoundException('Account', accountId);
    const { rows, total } = await this.rows.listForAccount(this.db.manager, accountId, query.filter, query.sort, query.offset, query.limit);
    return new ListResult('scheduled-events', await this.describeMany(this.db.manager, rows), total, query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<ScheduledEventResponseDto> {
    const [event] = await this.describeMany(em, [await this.rows.require(em, id)]);
    return event;
  }

  async create(accountId: number, dto: CreateScheduledEventDto, user: AuthenticatedUser): Promise<ScheduledEventResponseDto> {
    const fields = fieldsOf(dto);
    const runAt = this.checkRunAt(dto.runAt);
    this.assertKindFields(dto.kind, givenFields(dto), fields);
    return transactionWithRetry(this.db, async (em) => {
      await this.locks.lock(em, accountId);
      const pending = await this.rows.pending(em, accountId);
      const facts = await this.targets.check(em, accountId, dto.kind, fields, pending);
      await this.dataServices.assertAllowed(em, accountId, {
        upsert: { id: UNSAVED_EVENT_ID, runAt, facts, field: TARGET_FIELD[dto.kind] },
      });
      const id = await this.rows.insert(em, { accountId, kind: dto.kind, runAt, createdBy: user.id, fields }, workflowIds.scheduledEvent);
      const event = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'scheduled_event.create',
        entityType: 'scheduled_event',
        entityId: id,
        accountId,
        before: null,
        after: { ...event },
      });
      await this.workflows.start(event);
      return event;
    });
  }

  async update(id: number, dto: UpdateScheduledEventDto): Promise<ScheduledEventResponseDto> {
    const given = givenFields(dto);
    if (dto.runAt === undefined && !given.length) {
      throw new BadInputException([{ field: 'runAt', rule: 'nothingToChange', message: 'give a new runAt or new values for the fields' }]);
    }
    const newRunAt = dto.runAt === undefined ? undefined : this.checkRunAt(dto.runAt);
    return transactionWithRetry(this.db, async (em) => {
      const row = await this.lockOpen(em, id, 'changed');
      const fields = fieldsOf(dto, row);
      this.assertKindFields(row.kind, given, fields);
      const runAt = newRunAt ?? row.runAt;
      const pending = (await this.rows.pending(em, row.accountId)).filter((e) => e.id !== id);
      const facts = await this.targets.check(em, row.accountId, row.kind, fields, pending);
      await this.dataServices.assertAllowed(em, row.accountId, { upsert: { id, runAt, facts, field: TARGET_FIELD[row.kind] } });
      const before = await this.get(id, em);
      await this.rows.revise(em, id, runAt, fields);
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'scheduled_event.update',
        entityType: 'scheduled_event',
        entityId: id,
        accountId: row.accountId,
        before: { ...before },
        after: { ...after },
      });
      await this.workflows.reschedule(after);
      return after;
    });
  }

  async cancel(id: number): Promise<ScheduledEventResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const row = await this.lockOpen(em, id, 'cancelled');
      await this.dataServices.assertAllowed(em, row.accountId, { cancel: { id } });
      const before = await this.get(id, em);
      await this.rows.close(em, id, 'cancelled', this.clock.now());
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'scheduled_event.cancel',
        entityType: 'scheduled_event',
        entityId: id,
        accountId: row.accountId,
        before: { ...before },
        after: { ...after },
      });
      await this.workflows.cancel(after);
      return after;
    });
  }

  /**
   * Carries the event out at once instead of at its time. The request is recorded and
   * handed to the workflow under the lock, as an edit is; the action itself runs in the
   * workflow's activity, which needs that lock, so the wait for it comes after the commit.
   * The activity's own checks keep it to one action however the request meets the timer.
   */
  async performNow(id: number): Promise<ScheduledEventResponseDto> {
    const event = await transactionWithRetry(this.db, async (em) => {
      const row = await this.lockOpen(em, id, 'performed now');
      const before = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'scheduled_event.perform_now',
        entityType: 'scheduled_event',
        entityId: id,
        accountId: row.accountId,
        before: { ...before },
        after: { ...before, performNowRequestedAt: this.clock.now().toISOString() },
      });
      await this.workflows.performNow(before);
      return before;
    });
    await this.workflows.acted(event);
    return this.get(id);
  }

  /** The event under its family's lock, refused unless it is still waiting for its time. */
  private async lockOpen(em: EntityManager, id: number, verb: string): Promise<ScheduledEventRow> {
    const accountId = await this.rows.accountOf(em, id);
    if (accountId === null) throw new NotFoundException('Scheduled event', id);
    await this.locks.lock(em, accountId);
    const row = await this.rows.lock(em, id);
    if (row.state !== 'scheduled') {
      throw new ConflictException(
        ScheduledEventsErrorCode.EventClosed,
        `This scheduled event is already ${row.state}, so it cannot be ${verb}`,
        [{ field: 'state', rule: 'scheduled', message: `the event is ${row.state}` }],
      );
    }
    return row;
  }

  private checkRunAt(text: string): Date {
    const runAt = new Date(text);
    const now = this.clock.now().getTime();
    const errors: FieldError[] = [];
    if (runAt.getTime() <= now) errors.push({ field: 'runAt', rule: 'future', message: `runAt must be in the future (it is ${text})` });
    if (runAt.getTime() > now + FURTHEST_MS) errors.push({ field: 'runAt', rule: 'range', message: 'runAt must be within ten years' });
    if (errors.length) throw new BadInputException(errors);
    return runAt;
  }

  private assertKindFields(kind: ScheduledEventKind, given: KindField[], fields: KindFields): void {
    const errors = kindFieldErrors(kind, given, fields);
    if (errors.length) throw new BadInputException(errors);
  }

  private async describeMany(em: EntityManager, rows: ScheduledEventRow[]): Promise<ScheduledEventResponseDto[]> {
    const facts = await this.targets.factsOf(em, rows);
    return rows.map((row) => toResponse(row, facts.get(row.id) as EventFacts));
  }
}
