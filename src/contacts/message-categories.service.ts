import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import {
  CreateMessageCategoryDto,
  MessageCategoryFilterDto,
  MessageCategoryResponseDto,
  MessageCategorySortField,
  UpdateMessageCategoryDto,
} from './dto/message-category.dto';
import { MessageCategory } from './message-category.entity';
import { ContactsErrorCode } from './contacts.error-codes';
import { transactionWithRetry } from '../database/transaction';

export function toMessageCategoryResponse(category: MessageCategory): MessageCategoryResponseDto {
  return { id: category.id, name: category.name, isDefault: category.isDefault };
}

@Injectable()
export class MessageCategoriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<MessageCategoryFilterDto, MessageCategorySortField>): Promise<ListResult<MessageCategoryResponseDto>> {
    const qb = this.db.getRepository(MessageCategory).createQueryBuilder('m');
    if (query.filter.q) qb.andWhere('m.name LIKE :q', { q: `%${query.filter.q.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.filter.id?.length) qb.andWhere('m.id IN (:...ids)', { ids: query.filter.id });
    qb.orderBy(query.sort.field === 'name' ? 'm.name' : 'm.id', query.sort.order)
      .addOrderBy('m.id', query.sort.order)
      .skip(query.offset)
      .take(query.limit);
    const [rows, total] = await qb.getManyAndCount();
    return new ListResult('message-categories', rows.map(toMessageCategoryResponse), total, query.offset);
  }

  async get(id: number): Promise<MessageCategoryResponseDto> {
    return toMessageCategoryResponse(await this.load(this.db.manager, id));
  }

  async create(dto: CreateMessageCategoryDto): Promise<MessageCategoryResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.assertNameFree(em, dto.name, null);
      const category = em.create(MessageCategory, { name: dto.name, isDefault: dto.isDefault ?? false });
      await em.insert(MessageCategory, category);
      const after = toMessageCategoryResponse(await this.load(em, category.id));
      await this.audit.recordAction(em, { action: 'create', entityType: 'message_category', entityId: category.id, after: { ...after } });
      return after;
    });
  }

  async update(id: number, dto: UpdateMessageCategoryDto): Promise<MessageCategoryResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = toMessageCategoryResponse(await this.load(em, id, true));
      if (dto.name !== undefined) await this.assertNameFree(em, dto.name, id);
      const changes = {
        ...(dto.name !== undefined && { name: dto.name }),
        ...(dto.isDefault !== undefined && { isDefault: dto.isDefault }),
      };
      if (Object.keys(changes).length) await em.update(MessageCategory, { id }, changes);
      const after = toMessageCategoryResponse(await this.load(em, id));
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'message_category',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /** Contacts subscribed to the category simply lose it (the link rows cascade). */
  async remove(id: number): Promise<MessageCategoryResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = toMessageCategoryResponse(await this.load(em, id, true));
      await em.delete(MessageCategory, { id });
      await this.audit.recordAction(em, { action: 'delete', entityType: 'message_category', entityId: id, before: { ...before } });
      return before;
    });
  }

  private async load(em: EntityManager, id: number, lock = false): Promise<MessageCategory> {
    const category = await em.findOne(MessageCategory, { where: { id }, ...(lock && { lock: { mode: 'pessimistic_write' as const } }) });
    if (!category) throw new NotFoundException('Message category', id);
    return category;
  }

  private async assertNameFree(em: EntityManager, name: string, exceptId: number | null): Promise<void> {
    const holder = await em.findOneBy(MessageCategory, { name });
    if (holder && holder.id !== exceptId) {
      throw new ConflictException(ContactsErrorCode.MessageCategoryNameTaken, `A message category named "${name}" already exists`, [
        { field: 'name', rule: 'unique', message: 'name is already used by another message category' },
      ]);
    }
  }
}
