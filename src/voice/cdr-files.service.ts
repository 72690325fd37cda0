import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { Request } from 'express';
import { open, rm } from 'node:fs/promises';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource, EntityManager } from 'typeorm';
import { workflowIds } from '../../workflows/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../common/clock';
import { BadInputException, ConflictException, DomainException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { transactionWithRetry } from '../database/transaction';
import { receiveUpload } from '../files/multipart-upload';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import type { CdrLine } from './call-record';
import { readAsteriskCdr } from './cdr-asterisk';
import { CdrFileError, readGenericCdr } from './cdr-generic';
import { asteriskOptions, genericOptions, readCdrOptions, type CdrReading } from './cdr-options';
import { scanCdrFolderNow, startCdrFileImport } from './cdr-workflows';
import {
  CdrFileFilterDto,
  CdrFileResponseDto,
  CdrFileSortField,
  CdrFileSource,
  CdrFileStatusName,
  CdrFolderScanResponseDto,
  CdrRejectFilterDto,
  CdrRejectReasonName,
  CdrRejectResponseDto,
  CdrRejectSortField,
} from './dto/cdr-file.dto';
import { VoiceErrorCode } from './voice.error-codes';
import { sha256OfFile, VoiceStorage } from './voice-storage';

const ENTITY = 'voice_cdr_file';
/** What the upload check reads of a file: enough for its header and first lines. */
const HEAD_BYTES = 64 * 1024;
const HEAD_LINES = 20;

interface FileRow {
  id: number;
  name: string;
  source: CdrFileSource;
  format: 'asterisk' | 'generic';
  options: Record<string, unknown> | string;
  sha256: string;
  byte_size: number | string;
  stored_path: string;
  status: CdrFileStatusName;
  workflow_id: string | null;
  lines_read: number;
  calls_recorded: number;
  calls_duplicate: number;
  lines_rejected: number;
  failure: string | null;
  uploaded_by: number | null;
  started_at: Date | null;
  finished_at: Date | null;
  created_at: Date;
}

interface RejectRow {
  id: number | string;
  file_id: number;
  file_name: string;
  line_no: number;
  reason: CdrRejectReasonName;
  message: string;
  raw: string;
  created_at: Date;
}

const FILE_COLUMNS = `f.id, f.name, f.source, f.format, f.options, f.sha256, f.byte_size, f.stored_path, f.status, f.workflow_id, f.lines_read,
  f.calls_recorded, f.calls_duplicate, f.lines_rejected, f.failure, f.uploaded_by, f.started_at, f.finished_at, f.created_at`;
const FILE_SORT: Record<CdrFileSortField, string> = {
  id: 'f.id',
  createdAt: 'f.created_at',
  name: 'f.name',
  status: 'f.status',
  finishedAt: 'f.finished_at',
};
const REJECT_SORT: Record<CdrRejectSortField, string> = { id: 'r.id', lineNo: 'r.line_no', reason: 'r.reason', fileId: 'r.file_id' };

export function toCdrFile(row: FileRow): CdrFileResponseDto {
  return {
    id: Number(row.id),
    name: row.name,
    source: row.source,
    format: row.format,
    options: typeof row.options === 'string' ? (JSON.parse(row.options) as Record<string, unknown>) : row.options,
    sha256: row.sha256,
    byteSize: Number(row.byte_size),
    status: row.status,
    workflowId: row.workflow_id,
    linesRead: Number(row.lines_read),
    callsRecorded: Number(row.calls_recorded),
    callsDuplicate: Number(row.calls_duplicate),
    linesRejected: Number(row.lines_rejected),
    failure: row.failure,
    uploadedBy: row.uploaded_by === null ? null : Number(row.uploaded_by),
    startedAt: row.started_at ? row.started_at.toISOString() : null,
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}

function toReject(row: RejectRow): CdrRejectResponseDto {
  return {
    id: Number(row.id),
    fileId: Number(row.file_id),
    fileName: row.file_name,
    lineNo: Number(row.line_no),
    reason: row.reason,
    message: row.message,
    raw: row.raw,
    createdAt: row.created_at.toISOString(),
  };
}

/** A switch file to record: where it came from, how it is read, and its bytes in storage. */
export interface CdrFileToRegister {
  name: string;
  source: CdrFileSource;
  reading: CdrReading | null;
  sha256: string;
  byteSize: number;
  storedPath: string;
  uploadedBy: number | null;
  /** A file that is failed from the start (a folder file whose sidecar cannot be read). */
  failure?: string;
}

/**
 * Switch files (CDR files): received by upload or from the watched folder, kept in storage by
 * content, recorded with how they are read, and imported by one workflow each. An upload is
 * checked before anything is kept: the options, and the file's first lines (a generic file's
 * mapping against its header, an Asterisk file's column count), so a file that cannot be read at
 * all is a 400 naming the problem rather than a failed import.
 */
@Injectable()
export class CdrFilesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @InjectPinoLogger(CdrFilesService.name) private readonly logger: PinoLogger,
    private readonly audit: AuditService,
    private readonly storage: VoiceStorage,
    private readonly clock: Clock,
  ) {}

  /** The instance's defaults for a file that does not say its time zone or country. */
  readingDefaults(): { timeZone: string; defaultCountry: string } {
    return {
      timeZone: this.config.VOICE_CDR_TIME_ZONE ?? this.config.BILLING_TIME_ZONE,
      defaultCountry: this.config.VOICE_DEFAULT_COUNTRY,
    };
  }

  async list(query: ListQuery<CdrFileFilterDto, CdrFileSortField>): Promise<ListResult<CdrFileResponseDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const { status, source, q, id } = query.filter;
    if (status) {
      where.push('f.status = ?');
      params.push(status);
    }
    if (source) {
      where.push('f.source = ?');
      params.push(source);
    }
    if (q) {
      where.push('f.name LIKE ?');
      params.push(likeContains(q));
    }
    if (id?.length) {
      where.push('f.id IN (?)');
      params.push(id);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = `${FILE_SORT[query.sort.field]} ${query.sort.order}, f.id ${query.sort.order}`;
    const [rows, [{ n }]] = await Promise.all([
      this.db.query(`SELECT ${FILE_COLUMNS} FROM voice_cdr_files f ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`, [
        ...params,
        query.limit,
        query.offset,
      ]),
      this.db.query(`SELECT COUNT(*) AS n FROM voice_cdr_files f ${clause}`, params),
    ]);
    return new ListResult('voice-cdr-files', (rows as FileRow[]).map(toCdrFile), Number(n), query.offset);
  }

  async get(id: number): Promise<CdrFileResponseDto> {
    return toCdrFile(await this.row(this.db.manager, id));
  }

  /** The lines that did not become calls: of one file, or of every file (fileId null). */
  async rejects(
    fileId: number | null,
    query: ListQuery<CdrRejectFilterDto, CdrRejectSortField>,
  ): Promise<ListResult<CdrRejectResponseDto>> {
    if (fileId !== null) await this.row(this.db.manager, fileId);
    const where: string[] = [];
    const params: unknown[] = [];
    const { reason, q, id } = query.filter;
    const file = fileId ?? query.filter.fileId;
    if (file) {
      where.push('r.file_id = ?');
      params.push(file);
    }
    if (reason) {
      where.push('r.reason = ?');
      params.push(reason);
    }
    if (q) {
      where.push('(r.raw LIKE ? OR r.message LIKE ?)');
      params.push(likeContains(q), likeContains(q));
    }
    if (id?.length) {
      where.push('r.id IN (?)');
      params.push(id);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = `${REJECT_SORT[query.sort.field]} ${query.sort.order}, r.id ${query.sort.order}`;
    const [rows, [{ n }]] = await Promise.all([
      this.db.query(
        `SELECT r.id, r.file_id, f.name AS file_name, r.line_no, r.reason, r.message, r.raw, r.created_at
           FROM voice_cdr_rejects r JOIN voice_cdr_files f ON f.id = r.file_id ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`,
        [...params, query.limit, query.offset],
      ),
      this.db.query(`SELECT COUNT(*) AS n FROM voice_cdr_rejects r ${clause}`, params),
    ]);
    return new ListResult('voice-cdr-rejects', (rows as RejectRow[]).map(toReject), Number(n), query.offset);
  }

  /**
   * Receives a file, checks it can be read with the options sent before it, keeps it by content
   * and starts its import. Anything wrong is a 400 and nothing is kept.
   */
  async upload(req: Request, user: AuthenticatedUser): Promise<CdrFileResponseDto> {
    await this.storage.ensureDirs();
    const defaults = this.readingDefaults();
    const upload = await receiveUpload(req, {
      dir: this.storage.uploadDir,
      maxBytes: this.config.VOICE_CDR_MAX_BYTES,
      fileField: 'file',
      beforeFile: async (fields) => {
        const { errors } = readCdrOptions(fields, defaults);
        if (errors.length) throw new BadInputException(errors);
      },
    });
    let file: CdrFileResponseDto;
    try {
      const { reading } = readCdrOptions(upload.fields, defaults);
      if (!reading) throw new BadInputException([{ field: 'body', rule: 'multipart', message: 'the options could not be read' }]);
      await this.checkHead(upload.path, reading);
      const sha256 = await sha256OfFile(upload.path);
      const storedPath = await this.storage.keep(upload.path, sha256);
      file = await transactionWithRetry(this.db, (em) =>
        this.registerIn(em, {
          name: upload.name,
          source: 'upload',
          reading,
          sha256,
          byteSize: upload.sizeBytes,
          storedPath,
          uploadedBy: user.id,
        }),
      );
    } finally {
      await rm(upload.path, { force: true });
    }
    await this.startImport(file.id, file.name);
    return this.get(file.id);
  }

  /** Records a file whose bytes are in storage, inside the caller's transaction. */
  async registerIn(em: EntityManager, file: CdrFileToRegister): Promise<CdrFileResponseDto> {
    const result = await em.query(
      `INSERT INTO voice_cdr_files (name, source, format, options, sha256, byte_size, stored_path, status, failure, uploaded_by, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        file.name.slice(0, 255),
        file.source,
        file.reading?.format ?? 'asterisk',
        JSON.stringify(file.reading?.options ?? {}),
        file.sha256,
        file.byteSize,
        file.storedPath,
        file.failure ? 'failed' : 'received',
        file.failure?.slice(0, 500) ?? null,
        file.uploadedBy,
        file.failure ? this.clock.now() : null,
      ],
    );
    const id = Number(result.insertId);
    await em.query('UPDATE voice_cdr_files SET workflow_id = ? WHERE id = ?', [workflowIds.cdrFile(id), id]);
    const after = toCdrFile(await this.row(em, id));
    await this.audit.recordAction(em, {
      action: 'create',
      entityType: ENTITY,
      entityId: id,
      after: {
        name: after.name,
        source: after.source,
        format: after.format,
        byteSize: after.byteSize,
        sha256: after.sha256,
        status: after.status,
      },
      ...(file.source === 'folder' ? { actor: null } : {}),
    });
    return after;
  }

  /**
   * Reads a failed or imported file again from its first line: its rejects go, its counters start
   * again, and calls it recorded before count as duplicates. For a file that failed (or calls that
   * were unmatched until a number was assigned), once the cause is put right.
   */
  async rerun(id: number): Promise<CdrFileResponseDto> {
    const file = await transactionWithRetry(this.db, async (em) => {
      const before = toCdrFile(await this.row(em, id, true));
      if (before.status === 'received' || before.status === 'importing') {
        throw new ConflictException(
          VoiceErrorCode.CdrFileBusy,
          `File ${id} (${before.name}) is ${before.status}; it can be read again once its import ends`,
        );
      }
      await em.query('DELETE FROM voice_cdr_rejects WHERE file_id = ?', [id]);
      await em.query(
        `UPDATE voice_cdr_files SET status = 'received', failure = NULL, lines_read = 0, calls_recorded = 0, calls_duplicate = 0,
           lines_rejected = 0, resume_byte = 0, resume_line = 0, started_at = NULL, finished_at = NULL WHERE id = ?`,
        [id],
      );
      const after = toCdrFile(await this.row(em, id));
      await this.audit.recordAction(em, {
        action: 'voice_cdr_file.rerun',
        entityType: ENTITY,
        entityId: id,
        before: {
          name: before.name,
          status: before.status,
          callsRecorded: before.callsRecorded,
          linesRejected: before.linesRejected,
          failure: before.failure,
        },
        after: { name: after.name, status: after.status },
      });
      return after;
    });
    await this.startImport(file.id, file.name);
    return this.get(id);
  }

  /** Wakes the folder watcher so it looks in the folder now. */
  async scanFolderNow(): Promise<CdrFolderScanResponseDto> {
    try {
      const { workflowId } = await scanCdrFolderNow(this.temporal, this.config);
      return { workflowId, folder: this.storage.inbox };
    } catch (err) {
      this.logger.warn({ err }, 'The call record folder watcher could not be woken');
      throw new DomainException(
        VoiceErrorCode.CdrFolderUnavailable,
        'The folder watcher could not be reached; it will look in the folder on its own schedule',
      );
    }
  }

  /**
   * Starts a received file's import. When Temporal cannot be reached the file stays received, and
   * the folder watcher starts it on a later scan: the upload itself has succeeded.
   */
  async startImport(fileId: number, name: string): Promise<boolean> {
    try {
      return await startCdrFileImport(this.temporal, this.config, fileId, name);
    } catch (err) {
      this.logger.warn({ err, fileId }, 'The import of a call record file could not be started; the folder watcher will start it');
      return false;
    }
  }

  /** Received files whose import never started (Temporal away when they came), oldest first. */
  async waitingFiles(limit = 100): Promise<{ id: number; name: string }[]> {
    const rows: { id: number; name: string }[] = await this.db.query(
      "SELECT id, name FROM voice_cdr_files WHERE status = 'received' ORDER BY id LIMIT ?",
      [limit],
    );
    return rows.map((r) => ({ id: Number(r.id), name: r.name }));
  }

  /**
   * Refuses a file that cannot be read at all, from its first lines: not text, empty, a generic
   * file whose header lacks a mapped column, or an Asterisk file none of whose first lines has the
   * columns its settings give. A file whose first lines read is accepted; later bad lines are rejects.
   */
  async checkHead(path: string, reading: CdrReading): Promise<void> {
    const handle = await open(path, 'r');
    let head: Buffer;
    let whole: boolean;
    try {
      const { size } = await handle.stat();
      const buffer = Buffer.alloc(Math.min(size, HEAD_BYTES));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
      whole = bytesRead >= size;
    } finally {
      await handle.close();
    }
    const refuse = (field: string, rule: string, message: string): never => {
      throw new BadInputException([{ field, rule, message }], `The file was not imported: ${message}`);
    };
    if (head.includes(0)) refuse('file', 'text', 'the file is not text (it holds NUL bytes); a call record file is CSV');
    let text = head.toString('utf8');
    // A cut through the last line would make it look broken: only whole lines are looked at.
    if (!whole) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
    const lines = text
      .split(/\r\n|\n|\r/)
      .slice(0, HEAD_LINES + 1)
      .join('\n');
    if (lines.trim() === '') refuse('file', 'empty', 'the file has no lines');
    const read: CdrLine[] = [];
    try {
      const reader =
        reading.format === 'asterisk'
          ? readAsteriskCdr(lines, asteriskOptions(reading.options))
          : readGenericCdr(lines, genericOptions(reading.options));
      for await (const line of reader) read.push(line);
    } catch (err) {
      if (err instanceof CdrFileError) refuse('mapping', 'columns', err.message);
      throw err;
    }
    if (read.length && read.every((l) => l.reject && (l.reject.reason === 'columns' || l.reject.reason === 'malformed_csv'))) {
      const first = read[0].reject!;
      const what =
        reading.format === 'asterisk'
          ? `an Asterisk Master.csv with these settings (logUniqueId ${reading.options.logUniqueId ?? false}, logUserField ${reading.options.logUserField ?? false}, newCdrColumns ${reading.options.newCdrColumns ?? false})`
          : 'a CSV with the columns of its header';
      refuse('file', 'format', `line ${first.line}: ${first.message}; the file does not read as ${what}`);
    }
  }

  private async row(em: EntityManager, id: number, lock = false): Promise<FileRow> {
    const [row]: FileRow[] = await em.query(`SELECT ${FILE_COLUMNS} FROM voice_cdr_files f WHERE f.id = ?${lock ? ' FOR UPDATE' : ''}`, [
      id,
    ]);
    if (!row) throw new NotFoundException('Call record file', id);
    return row;
  }
}
