import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { AccountNote } from './account-note.entity';
import {
  AccountNoteFilterDto,
  AccountNoteResponseDto,
  AccountNoteSortField,
  CreateAccountNoteDto,
  UpdateAccountNoteDto,
} from './dto/account-note.dto';
import { transactionWithRetry } from '../database/transaction';

export function toAccountNoteResponse(note: AccountNote): AccountNoteResponseDto {
  return {
    id: note.id,
    accountId: note.accountId,
    authorUserId: note.authorUserId,
    authorName: note.author?.name ?? '',
    body: note.body,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
  };
}

// Property paths, not column names: with a joined relation and skip/take, TypeORM pages through a subquery that only knows properties.
const SORT_COLUMNS: Record<AccountNoteSortField, string> = { createdAt: 'n.createdAt' };
const ENTITY_TYPE = 'account_note';

/** Free-text notes on an account. Any user who may manage accounts may edit or delete any note; the log says who. */
@Injectable()
export class AccountNotesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<AccountNoteFilterDto, AccountNoteSortField>): Promise<ListResult<AccountNoteResponseDto>> {
    const qb = this.db.getRepository(AccountNote).createQueryBuilder('n').leftJoinAndSelect('n.author', 'author');
    const { accountId, id } = query.filter;
    if (accountId) qb.andWhere('n.account_id = :accountId', { accountId });
    if (id?.length) qb.andWhere('n.id IN (:...ids)', { ids: id });
    qb.orderBy(SORT_COLUMNS[query.sort.field], query.sort.order).addOrderBy('n.id', query.sort.order).skip(query.offset).take(query.limit);
    const [items, total] = await qb.getManyAndCount();
    return new ListResult('account-notes', items.map(toAccountNoteResponse), total, query.offset);
  }

  async get(id: number): Promise<AccountNoteResponseDto> {
    return toAccountNoteResponse(await this.load(this.db.manager, id));
  }

  async create(author: AuthenticatedUser, dto: CreateAccountNoteDto): Promise<AccountNoteResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.accounts.lock(em, dto.accountId);
      const { identifiers } = await em.insert(AccountNote, { accountId: dto.accountId, authorUserId: author.id, body: dto.body });
      const after = toAccountNoteResponse(await this.load(em, identifiers[0].id as number));
      await this.audit.recordAction(em, {
        action: 'create',
        entityType: ENTITY_TYPE,
        entityId: after.id,
        accountId: after.accountId,
        after: { ...after },
      });
      return after;
    });
  }

  async update(id: number, dto: UpdateAccountNoteDto): Promise<AccountNoteResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = toAccountNoteResponse(await this.loadLocked(em, id));
      await em.update(AccountNote, { id }, { body: dto.body });
      const after = toAccountNoteResponse(await this.load(em, id));
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

  async delete(id: number): Promise<AccountNoteResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = toAccountNoteResponse(await this.loadLocked(em, id));
      await em.delete(AccountNote, { id });
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

  /**
   * Locks the owning account, then reads the note again: another clerk may have
   * changed or deleted it while we waited. The mutations run READ COMMITTED so
   * that second read sees their work rather than our first snapshot.
   */
  private async loadLocked(em: EntityManager, id: number): Promise<AccountNote> {
    const { accountId } = await this.load(em, id);
    await this.accounts.lock(em, accountId);
    return this.load(em, id);
  }

  private async load(em: EntityManager, id: number): Promise<AccountNote> {
    const note = await em.findOne(AccountNote, { where: { id }, relations: { author: true } });
    if (!note) throw new NotFoundException('Note', id);
    return note;
  }
}
