import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { Account } from '../accounts/account.entity';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { BadInputException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AccountFile } from './account-file.entity';
import { contentDisposition } from './content-disposition';
import { AccountFileFilterDto, AccountFileResponseDto, AccountFileSortField, RenameAccountFileDto } from './dto/account-file.dto';
import { FileStorage } from './file-storage';
import { IMAGE_TYPES, sniffMimeType } from './file-type-sniffer';
import { receiveUpload } from './multipart-upload';
import { transactionWithRetry } from '../database/transaction';

export function toAccountFileResponse(file: AccountFile): AccountFileResponseDto {
  return {
    id: file.id,
    accountId: file.accountId,
    name: file.name,
    sizeBytes: file.sizeBytes,
    mimeType: file.mimeType,
    hasThumbnail: file.hasThumbnail,
    uploadedByUserId: file.uploadedByUserId,
    uploadedByName: file.uploadedBy?.name ?? '',
    createdAt: file.createdAt,
  };
}

// Property paths, not column names: with a joined relation and skip/take, TypeORM pages through a subquery that only knows properties.
const SORT_COLUMNS: Record<AccountFileSortField, string> = { createdAt: 'f.createdAt', name: 'f.name' };
const ENTITY_TYPE = 'account_file';
const UPLOAD_FIELDS = ['accountId'];

/** Files attached to an account: bytes on disk under a random key, the row and the audit entry in the database. */
@Injectable()
export class AccountFilesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountLockService,
    private readonly audit: AuditService,
    private readonly storage: FileStorage,
  ) {}

  async list(query: ListQuery<AccountFileFilterDto, AccountFileSortField>): Promise<ListResult<AccountFileResponseDto>> {
    const qb = this.db.getRepository(AccountFile).createQueryBuilder('f').leftJoinAndSelect('f.uploadedBy', 'uploadedBy');
    const { accountId, id } = query.filter;
    if (accountId) qb.andWhere('f.account_id = :accountId', { accountId });
    if (id?.length) qb.andWhere('f.id IN (:...ids)', { ids: id });
    qb.orderBy(SORT_COLUMNS[query.sort.field], query.sort.order).addOrderBy('f.id', query.sort.order).skip(query.offset).take(query.limit);
    const [items, total] = await qb.getManyAndCount();
    return new ListResult('account-files', items.map(toAccountFileResponse), total, query.offset);
  }

  async get(id: number): Promise<AccountFileResponseDto> {
    return toAccountFileResponse(await this.load(this.db.manager, id));
  }

  /**
   * Called from the route handler, after the guards, so a caller without a
   * session or permission never gets a byte written. The account is checked
   * before the file is streamed and locked again when the row is written.
   */
  async upload(req: Request, uploader: AuthenticatedUser): Promise<AccountFileResponseDto> {
    await this.storage.ensureDir();
    const upload = await receiveUpload(req, {
      dir: this.storage.dir,
      maxBytes: this.config.FILE_MAX_BYTES,
      fileField: 'file',
      beforeFile: (fields) => this.checkUploadFields(fields),
    });
    try {
      const accountId = Number(upload.fields.accountId);
      const mimeType = sniffMimeType(upload.head);
      const hasThumbnail = IMAGE_TYPES.has(mimeType) && (await this.storage.makeThumbnail(upload.storageKey));
      return await transactionWithRetry(this.db, async (em) => {
        await this.accounts.lock(em, accountId);
        const { identifiers } = await em.insert(AccountFile, {
          accountId,
          name: upload.name,
          storageKey: upload.storageKey,
          sizeBytes: upload.sizeBytes,
          mimeType,
          hasThumbnail,
          uploadedByUserId: uploader.id,
        });
        const after = toAccountFileResponse(await this.load(em, identifiers[0].id as number));
        await this.audit.recordAction(em, {
          action: 'create',
          entityType: ENTITY_TYPE,
          entityId: after.id,
          accountId,
          after: { ...after },
        });
        return after;
      });
    } catch (err) {
      await this.storage.remove(upload.storageKey);
      throw err;
    }
  }

  /**
   * Keeps bytes already in storage (under `storageKey`, written by the caller with FileStorage) as
   * a file of the account, inside the caller's transaction; the caller has locked the account.
   * A file that arrived by mail has no uploader. Returns the new file's id.
   */
  async registerLocked(
    em: EntityManager,
    file: { accountId: number; name: string; storageKey: string; sizeBytes: number; mimeType: string; uploadedByUserId: number | null },
  ): Promise<number> {
    const { identifiers } = await em.insert(AccountFile, {
      accountId: file.accountId,
      name: file.name.slice(0, 255) || 'attachment',
      storageKey: file.storageKey,
      sizeBytes: file.sizeBytes,
      mimeType: file.mimeType.slice(0, 100),
      hasThumbnail: false,
      uploadedByUserId: file.uploadedByUserId,
    });
    const after = toAccountFileResponse(await this.load(em, identifiers[0].id as number));
    await this.audit.recordAction(em, {
      action: 'create',
      entityType: ENTITY_TYPE,
      entityId: after.id,
      accountId: file.accountId,
      after: { ...after },
    });
    return after.id;
  }

  async download(id: number): Promise<StreamableFile> {
    const file = await this.load(this.db.manager, id);
    const path = await this.existingPath(this.storage.pathOf(file.storageKey), `Content of file ${id}`);
    const type = file.mimeType.startsWith('text/') ? `${file.mimeType}; charset=utf-8` : file.mimeType;
    return new StreamableFile(createReadStream(path), {
      type,
      length: file.sizeBytes,
      disposition: contentDisposition('attachment', file.name),
    });
  }

  async thumbnail(id: number): Promise<StreamableFile> {
    const file = await this.load(this.db.manager, id);
    if (!file.hasThumbnail) throw new NotFoundException('Thumbnail of file', id);
    const path = await this.existingPath(this.storage.thumbnailPathOf(file.storageKey), `Thumbnail of file ${id}`);
    return new StreamableFile(createReadStream(path), {
      type: 'image/webp',
      disposition: contentDisposition('inline', `${file.name}.thumbnail.webp`),
    });
  }

  async rename(id: number, dto: RenameAccountFileDto): Promise<AccountFileResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const before = toAccountFileResponse(await this.loadLocked(em, id));
      await em.update(AccountFile, { id }, { name: dto.name.trim() });
      const after = toAccountFileResponse(await this.load(em, id));
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

  /** The row goes in the transaction; the bytes only once it has committed, so a rollback never loses a file. */
  async delete(id: number): Promise<AccountFileResponseDto> {
    const { response, storageKey } = await transactionWithRetry(this.db, async (em) => {
      const file = await this.loadLocked(em, id);
      const before = toAccountFileResponse(file);
      await em.delete(AccountFile, { id });
      await this.audit.recordAction(em, {
        action: 'delete',
        entityType: ENTITY_TYPE,
        entityId: id,
        accountId: before.accountId,
        before: { ...before },
      });
      return { response: before, storageKey: file.storageKey };
    });
    await this.storage.remove(storageKey);
    return response;
  }

  private async checkUploadFields(fields: Record<string, string>): Promise<void> {
    const errors: FieldError[] = Object.keys(fields)
      .filter((name) => !UPLOAD_FIELDS.includes(name))
      .map((name) => ({ field: name, rule: 'unknownField', message: `${name} is not an accepted field` }));
    const raw = fields.accountId;
    const accountId = Number(raw);
    if (raw === undefined) {
      errors.push({ field: 'accountId', rule: 'required', message: 'accountId must be sent before the file' });
    } else if (!/^\d{1,10}$/.test(raw) || accountId < 1) {
      errors.push({ field: 'accountId', rule: 'isPositive', message: 'accountId must be a positive integer' });
    }
    if (errors.length) throw new BadInputException(errors);
    if (!(await this.db.getRepository(Account).existsBy({ id: accountId }))) throw new NotFoundException('Account', accountId);
  }

  private async existingPath(path: string, what: string): Promise<string> {
    try {
      await stat(path);
      return path;
    } catch {
      throw new NotFoundException(what, 'on disk');
    }
  }

  private async loadLocked(em: EntityManager, id: number): Promise<AccountFile> {
    const { accountId } = await this.load(em, id);
    await this.accounts.lock(em, accountId);
    return this.load(em, id);
  }

  private async load(em: EntityManager, id: number): Promise<AccountFile> {
    const file = await em.findOne(AccountFile, { where: { id }, relations: { uploadedBy: true } });
    if (!file) throw new NotFoundException('File', id);
    return file;
  }
}
