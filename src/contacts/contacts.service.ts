import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AccountSearchIndexer } from '../accounts/account-search.indexer';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { ContactPhone } from './contact-phone.entity';
import { Contact } from './contact.entity';
import {
  ContactFilterDto,
  ContactPhoneDto,
  ContactResponseDto,
  ContactSortField,
  CreateContactDto,
  PortalCredentialsDto,
  UpdateContactDto,
} from './dto/contact.dto';
import { MessageCategory } from './message-category.entity';
import { normalisePhone } from './phone-number';
import { ContactsErrorCode } from './contacts.error-codes';

export interface PrimaryContactSummary {
  id: number;
  name: string;
  email: string | null;
  mobile: string | null;
}

const SORT_COLUMNS: Record<ContactSortField, string> = { id: 'c.id', name: 'c.name', isPrimary: 'c.is_primary' };

/** The portal password hash is never loaded here, so it cannot reach a response or an audit entry. */
export function toContactResponse(contact: Contact, categoryIds: number[]): ContactResponseDto {
  return {
    id: contact.id,
    accountId: contact.accountId,
    name: contact.name,
    role: contact.role,
    email: contact.email,
    language: contact.language,
    isPrimary: contact.isPrimary,
    phones: [...(contact.phones ?? [])]
      .sort((a, b) => a.id - b.id)
      .map((p) => ({ type: p.type, number: p.number, extension: p.extension })),
    messageCategoryIds: [...categoryIds].sort((a, b) => a - b),
    portalUsername: contact.portalUsername,
    // The schema's CHECK keeps username and hash paired, so the username tells us.
    hasPortalPassword: contact.portalUsername !== null,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
  };
}

function phonesFrom(phones: ContactPhoneDto[]): Pick<ContactPhone, 'type' | 'number' | 'extension'>[] {
  const errors: FieldError[] = [];
  const result = phones.map((phone, i) => {
    const normalised = normalisePhone(`phones.${i}.number`, phone.number);
    if (!normalised.ok) errors.push(normalised.error);
    return { type: phone.type, number: normalised.ok ? normalised.e164 : '', extension: phone.extension ?? null };
  });
  if (errors.length) throw new BadInputException(errors);
  return result;
}

function isDuplicateUsername(err: unknown): boolean {
  return isDuplicateKey(err, 'uq_contacts_portal_username');
}

function usernameTaken(field: string, username: string): ConflictException {
  return new ConflictException(ContactsErrorCode.PortalUsernameTaken, `The portal username ${username} is already in use`, [
    { field, rule: 'unique', message: `${field} is already used by another contact` },
  ]);
}

/**
 * Contacts of accounts. Every change locks the account first, so changes to one
 * account's contacts (above all, which one is primary) happen one at a time.
 */
@Injectable()
export class ContactsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly locks: AccountLockService,
    private readonly search: AccountSearchIndexer,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
  ) {}

  /** The account's primary contact with its first mobile number, for the account header. */
  async primaryContact(accountId: number): Promise<PrimaryContactSummary | null> {
    const [row]: { id: number; name: string; email: string | null; mobile: string | null }[] = await this.db.query(
      `SELECT c.id, c.name, c.email,
              (SELECT p.number FROM contact_phones p WHERE p.contact_id = c.id AND p.type = 'mobile' ORDER BY p.id LIMIT 1) AS mobile
         FROM contacts c WHERE c.account_id = ? AND c.is_primary = 1`,
      [accountId],
    );
    return row ? { id: Number(row.id), name: row.name, email: row.email, mobile: row.mobile } : null;
  }

  async list(query: ListQuery<ContactFilterDto, ContactSortField>): Promise<ListResult<ContactResponseDto>> {
    const qb = this.db.getRepository(Contact).createQueryBuilder('c');
    if (query.filter.accountId) qb.andWhere('c.account_id = :accountId', { accountId: query.filter.accountId });
    if (query.filter.id?.length) qb.andWhere('c.id IN (:...ids)', { ids: query.filter.id });
    qb.orderBy(SORT_COLUMNS[query.sort.field], query.sort.order).addOrderBy('c.id', 'ASC').skip(query.offset).take(query.limit);
    const [page, total] = await qb.getManyAndCount();
    const items = await this.describeMany(this.db.manager, page);
    return new ListResult('contacts', items, total, query.offset);
  }

  async get(id: number): Promise<ContactResponseDto> {
    return this.describe(this.db.manager, id);
  }

  async create(dto: CreateContactDto): Promise<ContactResponseDto> {
    if ((dto.portalUsername === undefined) !== (dto.portalPassword === undefined)) {
      const missing = dto.portalUsername === undefined ? 'portalUsername' : 'portalPassword';
      const given = missing === 'portalUsername' ? 'portalPassword' : 'portalUsername';
      throw new BadInputException([{ field: missing, rule: 'required', message: `${missing} is required when ${given} is given` }]);
    }
    const phones = phonesFrom(dto.phones ?? []);
    // Hashing takes tens of milliseconds; done before the transaction so the account lock is held briefly.
    const portalPasswordHash = dto.portalPassword === undefined ? null : await this.hasher.hash(dto.portalPassword);
    return transactionWithRetry(this.db, async (em) => {
      await this.lockAccountFor(em, dto.accountId);
      const categoryIds = dto.messageCategoryIds ?? (await this.defaultCategoryIds(em));
      await this.assertCategoriesExist(em, categoryIds);
      if (dto.portalUsername !== undefined) await this.assertUsernameFree(em, 'portalUsername', dto.portalUsername, null);
      const hasContacts = await em.existsBy(Contact, { accountId: dto.accountId });
      const contact = em.create(Contact, {
        accountId: dto.accountId,
        name: dto.name,
        role: dto.role || null,
        email: dto.email ?? null,
        language: dto.language ?? 'en',
        isPrimary: !hasContacts,
        portalUsername: dto.portalUsername ?? null,
        portalPasswordHash,
      });
      try {
        await em.insert(Contact, contact);
      } catch (err) {
        if (isDuplicateUsername(err)) throw usernameTaken('portalUsername', dto.portalUsername ?? '');
        throw err;
      }
      await this.replacePhones(em, contact.id, phones);
      await this.replaceCategories(em, contact.id, categoryIds);
      await this.search.refresh(em, dto.accountId);
      const after = await this.describe(em, contact.id);
      await this.audit.recordAction(em, {
        action: 'create',
        entityType: 'contact',
        entityId: contact.id,
        accountId: dto.accountId,
        after: { ...after },
      });
      return after;
    });
  }

  async update(id: number, dto: UpdateContactDto): Promise<ContactResponseDto> {
    const phones = dto.phones === undefined ? undefined : phonesFrom(dto.phones);
    const accountId = await this.accountOf(id);
    return transactionWithRetry(this.db, async (em) => {
      await this.lockAccountOfContact(em, id, accountId);
      const before = await this.describe(em, id);
      if (dto.messageCategoryIds !== undefined) await this.assertCategoriesExist(em, dto.messageCategoryIds);
      const changes: Partial<Contact> = {
        ...(dto.name !== undefined && { name: dto.name }),
        ...(dto.role !== undefined && { role: dto.role || null }),
        ...(dto.email !== undefined && { email: dto.email }),
        ...(dto.language !== undefined && { language: dto.language }),
      };
      if (Object.keys(changes).length) await em.update(Contact, { id }, changes);
      if (phones) await this.replacePhones(em, id, phones);
      if (dto.messageCategoryIds !== undefined) await this.replaceCategories(em, id, dto.messageCategoryIds);
      if (dto.name !== undefined || dto.email !== undefined || phones) await this.search.refresh(em, accountId);
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, {
        action: 'update',
        entityType: 'contact',
        entityId: id,
        accountId,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async setPortalCredentials(id: number, dto: PortalCredentialsDto): Promise<ContactResponseDto> {
    const portalPasswordHash = await this.hasher.hash(dto.password);
    const accountId = await this.accountOf(id);
    return transactionWithRetry(this.db, async (em) => {
      await this.lockAccountOfContact(em, id, accountId);
      const before = await this.describe(em, id);
      await this.assertUsernameFree(em, 'username', dto.username, id);
      try {
        await em.update(Contact, { id }, { portalUsername: dto.username, portalPasswordHash });
      } catch (err) {
        if (isDuplicateUsername(err)) throw usernameTaken('username', dto.username);
        throw err;
      }
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, {
        action: 'set_portal_credentials',
        entityType: 'contact',
        entityId: id,
        accountId,
        before: { ...before },
        after: { ...after, portalPasswordChanged: true },
      });
      return after;
    });
  }

  async removePortalCredentials(id: number): Promise<ContactResponseDto> {
    const accountId = await this.accountOf(id);
    return transactionWithRetry(this.db, async (em) => {
      await this.lockAccountOfContact(em, id, accountId);
      const before = await this.describe(em, id);
      await em.update(Contact, { id }, { portalUsername: null, portalPasswordHash: null });
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, {
        action: 'remove_portal_credentials',
        entityType: 'contact',
        entityId: id,
        accountId,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async becomePrimary(id: number): Promise<ContactResponseDto> {
    const accountId = await this.accountOf(id);
    return transactionWithRetry(this.db, async (em) => {
      await this.lockAccountOfContact(em, id, accountId);
      const before = await this.describe(em, id);
      const previous = await em.findOneBy(Contact, { accountId, isPrimary: true });
      await this.movePrimary(em, accountId, id);
      const after = await this.describe(em, id);
      await this.audit.recordAction(em, {
        action: 'become_primary',
        entityType: 'contact',
        entityId: id,
        accountId,
        before: { ...before },
        after: { ...after, previousPrimaryContactId: previous?.id ?? null },
      });
      return after;
    });
  }

  async remove(id: number, successorId?: number): Promise<ContactResponseDto> {
    const accountId = await this.accountOf(id);
    return transactionWithRetry(this.db, async (em) => {
      await this.lockAccountOfContact(em, id, accountId);
      const before = await this.describe(em, id);
      if (successorId !== undefined) {
        const successor = await em.findOneBy(Contact, { id: successorId });
        if (!successor || successor.accountId !== accountId || successor.id === id) {
          throw new BadInputException([
            { field: 'successorId', rule: 'exists', message: 'successorId must name another contact of the same account' },
          ]);
        }
        await this.movePrimary(em, accountId, successorId);
      } else if (before.isPrimary && (await em.countBy(Contact, { accountId })) > 1) {
        throw new ConflictException(
          ContactsErrorCode.PrimaryContactNeedsSuccessor,
          `${before.name} is the primary contact; choose who becomes primary (successorId) before deleting them`,
          [{ field: 'successorId', rule: 'required', message: 'successorId is required to delete the primary contact' }],
        );
      }
      await em.delete(Contact, { id });
      await this.search.refresh(em, accountId);
      await this.audit.recordAction(em, {
        action: 'delete',
        entityType: 'contact',
        entityId: id,
        accountId,
        before: { ...before },
        ...(successorId !== undefined && { after: { successorId } }),
      });
      return before;
    });
  }

  /** Clears the old primary before setting the new one: the unique key would refuse two at once. */
  private async movePrimary(em: EntityManager, accountId: number, contactId: number): Promise<void> {
    await em.query('UPDATE contacts SET is_primary = 0 WHERE account_id = ? AND is_primary = 1 AND id <> ?', [accountId, contactId]);
    await em.query('UPDATE contacts SET is_primary = 1 WHERE id = ?', [contactId]);
  }

  private async lockAccountFor(em: EntityManager, accountId: number): Promise<void> {
    try {
      await this.locks.lock(em, accountId);
    } catch (err) {
      if (err instanceof NotFoundException) {
        throw new BadInputException([{ field: 'accountId', rule: 'exists', message: `account ${accountId} does not exist` }]);
      }
      throw err;
    }
  }

  /**
   * Locks the contact's account. The account id is read on its own connection before
   * the transaction starts (a contact never moves between accounts): a plain read
   * inside the transaction would fix its snapshot before the lock is held, and later
   * reads would miss what the previous lock holder committed, such as who is primary.
   */
  private async lockAccountOfContact(em: EntityManager, id: number, accountId: number): Promise<void> {
    await this.locks.lock(em, accountId);
    if (!(await em.existsBy(Contact, { id }))) throw new NotFoundException('Contact', id);
  }

  private async accountOf(id: number): Promise<number> {
    const contact = await this.db.getRepository(Contact).findOneBy({ id });
    if (!contact) throw new NotFoundException('Contact', id);
    return contact.accountId;
  }

  private async describe(em: EntityManager, id: number): Promise<ContactResponseDto> {
    const contact = await em.findOneBy(Contact, { id });
    if (!contact) throw new NotFoundException('Contact', id);
    const [item] = await this.describeMany(em, [contact]);
    return item;
  }

  private async describeMany(em: EntityManager, contacts: Contact[]): Promise<ContactResponseDto[]> {
    if (!contacts.length) return [];
    const ids = contacts.map((c) => c.id);
    const phones = await em.find(ContactPhone, { where: { contactId: In(ids) }, order: { id: 'ASC' } });
    const links: { contactId: number; categoryId: number }[] = await em.query(
      'SELECT contact_id AS contactId, message_category_id AS categoryId FROM contact_message_categories WHERE contact_id IN (?)',
      [ids],
    );
    return contacts.map((c) =>
      toContactResponse(
        { ...c, phones: phones.filter((p) => p.contactId === c.id) },
        links.filter((l) => Number(l.contactId) === c.id).map((l) => Number(l.categoryId)),
      ),
    );
  }

  private async replacePhones(em: EntityManager, contactId: number, phones: Pick<ContactPhone, 'type' | 'number' | 'extension'>[]) {
    await em.delete(ContactPhone, { contactId });
    if (phones.length)
      await em.insert(
        ContactPhone,
        phones.map((p) => ({ ...p, contactId })),
      );
  }

  private async replaceCategories(em: EntityManager, contactId: number, categoryIds: number[]) {
    await em.query('DELETE FROM contact_message_categories WHERE contact_id = ?', [contactId]);
    if (categoryIds.length) {
      await em.query('INSERT INTO contact_message_categories (contact_id, message_category_id) VALUES ?', [
        categoryIds.map((categoryId) => [contactId, categoryId]),
      ]);
    }
  }

  private async defaultCategoryIds(em: EntityManager): Promise<number[]> {
    return (await em.findBy(MessageCategory, { isDefault: true })).map((c) => c.id);
  }

  private async assertCategoriesExist(em: EntityManager, categoryIds: number[]): Promise<void> {
    if (!categoryIds.length) return;
    const found = await em.findBy(MessageCategory, { id: In(categoryIds) });
    const missing = categoryIds.filter((id) => !found.some((c) => c.id === id));
    if (missing.length) {
      throw new BadInputException([
        { field: 'messageCategoryIds', rule: 'exists', message: `message categories ${missing.join(', ')} do not exist` },
      ]);
    }
  }

  private async assertUsernameFree(em: EntityManager, field: string, username: string, exceptContactId: number | null) {
    const holder = await em.findOneBy(Contact, { portalUsername: username });
    if (holder && holder.id !== exceptContactId) throw usernameTaken(field, username);
  }
}
