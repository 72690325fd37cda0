import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { BadInputException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { AccountTask } from './account-task.entity';
import {
  AccountTaskFilterDto,
  AccountTaskResponseDto,
  AccountTaskSortField,
  CreateAccountTaskDto,
  UpdateAccountTaskDto,
} from './dto/account-task.dto';
import { isActiveStaffUser } from '../users/active-staff-user';
import { transactionWithRetry } from '../database/transaction';

export function toAccountTaskResponse(task: AccountTask): AccountTaskResponseDto {
  return {
    id: task.id,
    accountId: task.accountId,
    title: task.title,
    description: task.description,
    assignedUserId: task.assignedUserId,
    assignedUserName: task.assignedUser?.name ?? null,
    dueDate: task.dueDate,
    completed: task.completedAt !== null,
    completedAt: task.completedAt,
    completedByUserId: task.completedByUserId,
    completedByName: task.completedBy?.name ?? null,
    createdByUserId: task.createdByUserId,
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
  };
}

// Property paths, not column names: with a joined relation and skip/take, TypeORM pages through a subquery that only knows properties.
const SORT_COLUMNS: Record<AccountTaskSortField, string> = { dueDate: 't.dueDate', createdAt: 't.createdAt' };
const ENTITY_TYPE = 'account_task';

/** To-dos on an account, optionally assigned to a staff user; completion records who and when. */
@Injectable()
export class AccountTasksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: ListQuery<AccountTaskFilterDto, AccountTaskSortField>): Promise<ListResult<AccountTaskResponseDto>> {
    const qb = this.db
      .getRepository(AccountTask)
      .createQueryBuilder('t')
      .leftJoinAndSelect('t.assignedUser', 'assignedUser')
      .leftJoinAndSelect('t.completedBy', 'completedBy');
    const { accountId, completed, assignedUserId, id } = query.filter;
    if (accountId) qb.andWhere('t.account_id = :accountId', { accountId });
    if (completed !== undefined) qb.andWhere(completed ? 't.completed_at IS NOT NULL' : 't.completed_at IS NULL');
    if (assignedUserId) qb.andWhere('t.assigned_user_id = :assignedUserId', { assignedUserId });
    if (id?.length) qb.andWhere('t.id IN (:...ids)', { ids: id });
    qb.orderBy(SORT_COLUMNS[query.sort.field], query.sort.order).addOrderBy('t.id', query.sort.order).skip(query.offset).take(query.limit);
    const [items, total] = await qb.getManyAndCount();
    return new ListResult('account-tasks', items.map(toAccountTaskResponse), total, query.offset);
  }

  async get(id: number): Promise<AccountTaskResponseDto> {
    return toAccountTaskResponse(await this.load(this.db.manager, id));
  }

  async create(creator: AuthenticatedUser, dto: CreateAccountTaskDto): Promise<AccountTaskResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.accounts.lock(em, dto.accountId);
      return this.createLocked(em, creator.id, dto);
    });
  }

  /**
   * A task left inside the caller's transaction, which holds the account's lock: by a clerk, or by
   * a process on behalf of the staff user it acts for (an expired signing request tells its sender).
   */
  async createLocked(em: EntityManager, creatorId: number, dto: CreateAccountTaskDto): Promise<AccountTaskResponseDto> {
    if (dto.assignedUserId) await this.assertActiveUser(em, dto.assignedUserId);
    const { identifiers } = await em.insert(AccountTask, {
      accountId: dto.accountId,
      title: dto.title,
      description: dto.description ?? null,
      assignedUserId: dto.assignedUserId ?? null,
      dueDate: dto.dueDate ?? null,
      createdByUserId: creatorId,
    });
    const after = toAccountTaskResponse(await this.load(em, identifiers[0].id as number));
    await this.audit.recordAction(em, {
      action: 'create',
      entityType: ENTITY_TYPE,
      entityId: after.id,
      accountId: after.accountId,
      after: { ...after },
    });
    return after;
  }

  async update(actor: AuthenticatedUser, id: number, dto: UpdateAccountTaskDto): Promise<AccountTaskResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const task = await this.loadLocked(em, id);
      const before = toAccountTaskResponse(task);
      if (dto.accountId !== undefined && dto.accountId !== task.accountId) {
        throw new BadInputException([{ field: 'accountId', rule: 'immutable', message: 'a task cannot be moved to another account' }]);
      }
      if (dto.assignedUserId && dto.assignedUserId !== task.assignedUserId) await this.assertActiveUser(em, dto.assignedUserId);

      const changes: Partial<AccountTask> = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.description !== undefined) changes.description = dto.description;
      if (dto.assignedUserId !== undefined) changes.assignedUserId = dto.assignedUserId;
      if (dto.dueDate !== undefined) changes.dueDate = dto.dueDate;
      // Completing an already completed task keeps the original who and when; react-admin resends whole records.
      if (dto.completed === true && task.completedAt === null) {
        changes.completedAt = this.clock.now();
        changes.completedByUserId = actor.id;
      } else if (dto.completed === false) {
        changes.completedAt = null;
        changes.completedByUserId = null;
      }
      if (Object.keys(changes).length) await em.update(AccountTask, { id }, changes);

      const after = toAccountTaskResponse(await this.load(em, id));
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: ENTITY_TYPE,
        entityId: id,
        accountId: after.accountId,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async delete(id: number): Promise<AccountTaskResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = toAccountTaskResponse(await this.loadLocked(em, id));
      await em.delete(AccountTask, { id });
      await this.audit.recordAction(em, {
        action: 'delete',
        entityType: ENTITY_TYPE,
        entityId: id,
        accountId: before.accountId,
        before: { ...before },
      });
      return before;
    });
  }

  private async assertActiveUser(em: EntityManager, userId: number): Promise<void> {
    if (!(await isActiveStaffUser(em, userId))) {
      throw new BadInputException([
        { field: 'assignedUserId', rule: 'activeUser', message: `staff user ${userId} does not exist or is deactivated` },
      ]);
    }
  }

  private async loadLocked(em: EntityManager, id: number): Promise<AccountTask> {
    const { accountId } = await this.load(em, id);
    await this.accounts.lock(em, accountId);
    return this.load(em, id);
  }

  private async load(em: EntityManager, id: number): Promise<AccountTask> {
    const task = await em.findOne(AccountTask, { where: { id }, relations: { assignedUser: true, completedBy: true } });
    if (!task) throw new NotFoundException('Task', id);
    return task;
  }
}
