import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { escape } from 'mysql2';
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { transactionWithRetry } from '../database/transaction';
import { billedSeconds } from './billed-duration';
import { matchCall } from './call-matching';
import type { CallRecord } from './call-record';
import { readAsteriskCdr } from './cdr-asterisk';
import { CdrFileError, readGenericCdr } from './cdr-generic';
import { asteriskOptions, genericOptions, type CdrFileOptions, type CdrFormat } from './cdr-options';
import { RateDeck, type CallDirection } from './rate-deck';
import { RatePlansService, type StoredRateRow } from './rate-plans.service';
import { VoiceStorage } from './voice-storage';

/** Lines read and committed together: one transaction, one checkpoint. */
export const CHUNK_LINES = 10_000;
/** Rows a multi-row INSERT carries. */
const ROWS_PER_INSERT = 2_500;
/** The first read of a chunk; a chunk of long lines reads on until it has its lines. */
const READ_BYTES = 4 * 1024 ** 2;
/** A line past this is not a call record: the file is refused rather than held in memory. */
const MAX_LINE_BYTES = 16 * 1024 ** 2;
/** Lines read between two turns of the event loop. */
const YIELD_EVERY = 500;
/** What a reject keeps of its line: the column is TEXT. */
const RAW_KEPT = 16_000;

/** Why a file cannot be imported at all: kept on the file, which is then `failed`. */
export class CdrFileFailure extends Error {}

/** Where an import stands after a round of chunks. */
export interface CdrImportReport {
  fileId: number;
  status: 'received' | 'importing' | 'imported' | 'failed';
  linesRead: number;
  callsRecorded: number;
  callsDuplicate: number;
  linesRejected: number;
  /** Accounts whose calls this round recorded (at most a hundred). */
  accountIds: number[];
  failure: string | null;
}

interface FileRow {
  id: number;
  format: CdrFormat;
  options: CdrFileOptions | string;
  stored_path: string;
  status: CdrImportReport['status'];
  lines_read: number;
  calls_recorded: number;
  calls_duplicate: number;
  lines_rejected: number;
  resume_byte: number | string;
  resume_line: number;
  failure: string | null;
}

interface Holding {
  from: number;
  to: number;
  didId: number;
  accountId: number;
  accountServiceId: number;
  ratePlanId: number | null;
}

/** What the numbers and rates of the instance were when a round began: every holding of every number, and the decks. */
interface Lookups {
  holdings: Map<string, Holding[]>;
  decks: Map<number, RateDeck>;
  planNames: Map<number, string>;
}

/** One chunk read, matched and rated, ready to commit. */
interface PreparedChunk {
  startByte: number;
  endByte: number;
  endLine: number;
  atEof: boolean;
  /** INSERT statements of the calls, written out whole. */
  callStatements: { sql: string; rows: number }[];
  rejects: (string | number)[][];
  lines: number;
  accountIds: Set<number>;
}

const START_COLUMNS =
  'identity_hash, identity, file_id, line_no, account_id, account_service_id, did_id, direction, started_at, from_number, to_number, duration_seconds, billed_seconds, rate_id, rate_prefix, rate_micro, disposition';

/** A text value for SQL: plain text as it is, anything with a quote or backslash through the driver's escaping. */
function sqlText(value: string): string {
  return /^[\w .:#+@/-]*$/.test(value) ? `'${value}'` : escape(value);
}

function sqlDateTime(at: Date): string {
  const iso = at.toISOString();
  return `'${iso.slice(0, 10)} ${iso.slice(11, 19)}'`;
}

/**
 * Imports a switch file chunk by chunk. Each chunk's calls, rejects, counters and checkpoint (the
 * byte and line it ends at) are one transaction on the file's locked row, so a worker killed
 * anywhere resumes at the last checkpoint with nothing counted twice; and a call is one row of
 * voice_calls by its identity, whatever file or chunk brings it, so a file read twice, or two files
 * that overlap, record each call once.
 *
 * A call belongs to the voice service that held the number at its start (did_assignments), is
 * priced by that service's rate plan (the catalogue service's, as it is at import), and is billed
 * by the rate's minimum and increments. A line that does not become a call is a reject, with its
 * reason: the reader's own (malformed, a bad date...), `unmatched` (no subscriber's number at the
 * expected end) or `no_rate` (the plan has no row for the number).
 */
@Injectable()
export class CdrImportService {
  // Decks by plan, with the plan's updated_at they were read at: a new deck bumps it.
  private readonly deckCache = new Map<number, { version: number; deck: RateDeck }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectPinoLogger(CdrImportService.name) private readonly logger: PinoLogger,
    private readonly storage: VoiceStorage,
    private readonly ratePlans: RatePlansService,
    private readonly clock: Clock,
  ) {}

  /**
   * Imports chunks of the file until it is done or `budgetMs` has passed, committing each. The next
   * chunk is read and rated while the last one commits, so the database and the reading overlap.
   */
  async importFor(fileId: number, budgetMs: number, heartbeat: (progress: unknown) => void = () => {}): Promise<CdrImportReport> {
    const began = Date.now();
    const accountIds = new Set<number>();
    let file = await this.file(fileId);
    if (file.status === 'imported' || file.status === 'failed') return this.report(file, accountIds);
    const path = this.storage.absolute(file.stored_path);
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (err) {
      return this.fail(fileId, `the stored file ${file.stored_path} cannot be read: ${(err as Error).message}`);
    }
    try {
      const size = (await handle.stat()).size;
      const lookups = await this.lookups();
      const header = file.format === 'generic' ? await headerLine(handle, size) : null;
      let next: Promise<PreparedChunk | CdrFileFailure> | null = this.prepare(
        handle,
        size,
        file,
        Number(file.resume_byte),
        file.resume_line,
        header,
        lookups,
      );
      while (next) {
        const prepared = await next;
        if (prepared instanceof CdrFileFailure) return await this.fail(fileId, prepared.message);
        // The following chunk is read while this one commits; it is dropped if the commit finds the file moved on.
        next =
          !prepared.atEof && Date.now() - began < budgetMs
            ? this.prepare(handle, size, file, prepared.endByte, prepared.endLine, header, lookups)
            : null;
        const committed = await this.commit(fileId, prepared);
        heartbeat({ resumeByte: prepared.endByte, resumeLine: prepared.endLine });
        if (!committed) {
          // Another worker took this chunk (a retried activity beside a slow one): carry on from where it left the file.
          await next?.catch(() => undefined);
          file = await this.file(fileId);
          if (file.status === 'imported' || file.status === 'failed') break;
          next =
            Date.now() - began < budgetMs
              ? this.prepare(handle, size, file, Number(file.resume_byte), file.resume_line, header, lookups)
              : null;
          continue;
        }
        for (const id of prepared.accountIds) if (accountIds.size < 100) accountIds.add(id);
      }
      if (Number((await this.file(fileId)).resume_byte) >= size) await this.finish(fileId);
    } finally {
      await handle.close();
    }
    return this.report(await this.file(fileId), accountIds);
  }

  /** Reads the chunk from `startByte`, and matches and rates its calls; nothing is written. */
  private async prepare(
    handle: FileHandle,
    size: number,
    file: FileRow,
    startByte: number,
    startLine: number,
    header: string | null,
    lookups: Lookups,
  ): Promise<PreparedChunk | CdrFileFailure> {
    const options = typeof file.options === 'string' ? (JSON.parse(file.options) as CdrFileOptions) : file.options;
    let chunk: Chunk;
    try {
      chunk = await readChunk(handle, startByte, size);
    } catch (err) {
      if (err instanceof CdrFileFailure) return err;
      throw err;
    }
    const text = chunk.bytes.toString('utf8');
    // A generic file's later chunks are read after its header, so the reader knows the columns; the header is line 1 there.
    const resumed = file.format === 'generic' && startByte > 0;
    const input = resumed ? `${header ?? ''}\n${text}` : text;
    const lineOffset = resumed ? startLine - 1 : startLine;
    const prepared: PreparedChunk = {
      startByte,
      endByte: chunk.end,
      endLine: startLine + chunk.lines,
      atEof: chunk.end >= size,
      callStatements: [],
      rejects: [],
      lines: 0,
      accountIds: new Set(),
    };
    let rawLines: string[] | null = null;
    const rawOf = (localLine: number) => {
      rawLines ??= input.split(/\r\n|\n|\r/);
      return rawLines[localLine - 1] ?? '';
    };
    const values: string[] = [];
    const reject = (line: number, reason: string, message: string, raw: string) =>
      prepared.rejects.push([file.id, line, reason, message.slice(0, 500), raw.slice(0, RAW_KEPT)]);

    try {
      const reader =
        file.format === 'asterisk' ? readAsteriskCdr(input, asteriskOptions(options)) : readGenericCdr(input, genericOptions(options));
      for await (const line of reader) {
        // Now and then the event loop has its turn, so the chunk committing meanwhile gets its answers
        // and sends its next statement: the reading and the database then work side by side.
        if (++prepared.lines % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        if (line.reject) {
          reject(line.reject.line + lineOffset, line.reject.reason, line.reject.message, line.reject.raw);
          continue;
        }
        const call = options.direction && !line.call.direction ? { ...line.call, direction: options.direction } : line.call;
        const outcome = this.rate(call, lookups);
        if ('reason' in outcome) {
          reject(call.line + lineOffset, outcome.reason, outcome.message, rawOf(call.line));
          continue;
        }
        prepared.accountIds.add(outcome.holding.accountId);
        values.push(this.callValues(file.id, call.line + lineOffset, call, outcome));
      }
    } catch (err) {
      if (err instanceof CdrFileError || err instanceof RangeError) return new CdrFileFailure(err.message);
      throw err;
    }
    // In the order of the identity's hash (each row starts with it): two chunks that share calls (two
    // files that overlap, imported side by side) then take the unique key's locks in one order and
    // queue behind each other instead of deadlocking, and each statement walks the index one way.
    values.sort();
    for (let i = 0; i < values.length; i += ROWS_PER_INSERT) {
      const rows = values.slice(i, i + ROWS_PER_INSERT);
      prepared.callStatements.push({
        sql: `INSERT IGNORE INTO voice_calls (${START_COLUMNS}) VALUES ${rows.join(',')}`,
        rows: rows.length,
      });
    }
    return prepared;
  }

  private rate(
    call: CallRecord,
    lookups: Lookups,
  ):
    | { holding: Holding; direction: CallDirection; rate: StoredRateRow; billed: number }
    | { reason: 'unmatched' | 'no_rate'; message: string } {
    const at = call.start.getTime();
    const holderOf = (number: string | null): Holding | undefined => {
      if (number === null) return undefined;
      const holdings = lookups.holdings.get(number);
      return holdings?.find((h) => h.from <= at && at < h.to);
    };
    const match = matchCall(call, (number) => holderOf(number)?.accountServiceId);
    if (match.reason) return { reason: 'unmatched', message: match.message };
    const holding = (match.direction === 'outbound' ? holderOf(call.from) : holderOf(call.to)) as Holding;
    const deck = holding.ratePlanId === null ? undefined : lookups.decks.get(holding.ratePlanId);
    const rate = deck?.rateFor(match.direction, call.to, call.start) as StoredRateRow | undefined;
    if (!rate) {
      const plan =
        holding.ratePlanId === null
          ? 'its voice service has no rate plan'
          : `rate plan "${lookups.planNames.get(holding.ratePlanId) ?? holding.ratePlanId}"`;
      return { reason: 'no_rate', message: `no ${match.direction} rate for +${call.to} (${plan})` };
    }
    return { holding, direction: match.direction, rate, billed: billedSeconds(call.durationSeconds, rate) };
  }

  private callValues(
    fileId: number,
    line: number,
    call: CallRecord,
    rated: { holding: Holding; direction: CallDirection; rate: StoredRateRow; billed: number },
  ): string {
    const hash = createHash('sha256').update(call.identity).digest('hex');
    const from = (call.from ?? call.fromAsWritten.trim()).slice(0, 32);
    const disposition = call.disposition ? sqlText(call.disposition.slice(0, 32)) : 'NULL';
    const { holding, rate } = rated;
    return (
      `(X'${hash}',${sqlText(call.identity.slice(0, 255))},${fileId},${line},${holding.accountId},${holding.accountServiceId},` +
      `${holding.didId},'${rated.direction}',${sqlDateTime(call.start)},${sqlText(from)},'${call.to}',${call.durationSeconds},` +
      `${rated.billed},${rate.id},'${rate.prefix}',${rate.ratePerMinuteMicro},${disposition})`
    );
  }

  /** Writes the chunk, its counters and its checkpoint in one transaction; false when the file was not where the chunk began. */
  private async commit(fileId: number, chunk: PreparedChunk): Promise<boolean> {
    return transactionWithRetry(this.db, async (em) => {
      const [row]: { resume_byte: number | string; status: string }[] = await em.query(
        'SELECT resume_byte, status FROM voice_cdr_files WHERE id = ? FOR UPDATE',
        [fileId],
      );
      if (!row || Number(row.resume_byte) !== chunk.startByte || row.status === 'imported' || row.status === 'failed') return false;
      let recorded = 0;
      let calls = 0;
      for (const statement of chunk.callStatements) {
        const result = await em.query(statement.sql);
        recorded += Number(result.affectedRows ?? 0);
        calls += statement.rows;
      }
      for (let i = 0; i < chunk.rejects.length; i += ROWS_PER_INSERT) {
        await em.query('INSERT IGNORE INTO voice_cdr_rejects (file_id, line_no, reason, message, raw) VALUES ?', [
          chunk.rejects.slice(i, i + ROWS_PER_INSERT),
        ]);
      }
      const now = this.clock.now();
      await em.query(
        `UPDATE voice_cdr_files SET status = ?, started_at = COALESCE(started_at, ?), lines_read = lines_read + ?,
           calls_recorded = calls_recorded + ?, calls_duplicate = calls_duplicate + ?, lines_rejected = lines_rejected + ?,
           resume_byte = ?, resume_line = ?, finished_at = ? WHERE id = ?`,
        [
          chunk.atEof ? 'imported' : 'importing',
          now,
          chunk.lines,
          recorded,
          calls - recorded,
          chunk.rejects.length,
          chunk.endByte,
          chunk.endLine,
          chunk.atEof ? now : null,
          fileId,
        ],
      );
      return true;
    });
  }

  /** A file with nothing (more) to read: an empty one, or one whose last chunk committed before a retry. */
  private async finish(fileId: number): Promise<void> {
    const now = this.clock.now();
    await this.db.query(
      `UPDATE voice_cdr_files SET status = 'imported', started_at = COALESCE(started_at, ?), finished_at = COALESCE(finished_at, ?)
        WHERE id = ? AND status IN ('received', 'importing')`,
      [now, now, fileId],
    );
  }

  /** The file cannot be read: it is failed with the reason, and what earlier chunks recorded stays. */
  async fail(fileId: number, reason: string): Promise<CdrImportReport> {
    this.logger.warn({ fileId, reason }, 'A call record file could not be imported');
    await this.db.query(
      `UPDATE voice_cdr_files SET status = 'failed', failure = ?, finished_at = ? WHERE id = ? AND status IN ('received', 'importing')`,
      [reason.slice(0, 500), this.clock.now(), fileId],
    );
    return this.report(await this.file(fileId), new Set());
  }

  private async file(fileId: number): Promise<FileRow> {
    const [row]: FileRow[] = await this.db.query(
      `SELECT id, format, options, stored_path, status, lines_read, calls_recorded, calls_duplicate, lines_rejected, resume_byte, resume_line,
              failure FROM voice_cdr_files WHERE id = ?`,
      [fileId],
    );
    if (!row) throw new CdrFileFailure(`call record file ${fileId} does not exist`);
    return row;
  }

  private report(file: FileRow, accountIds: Set<number>): CdrImportReport {
    return {
      fileId: Number(file.id),
      status: file.status,
      linesRead: Number(file.lines_read),
      callsRecorded: Number(file.calls_recorded),
      callsDuplicate: Number(file.calls_duplicate),
      linesRejected: Number(file.lines_rejected),
      accountIds: [...accountIds].sort((a, b) => a - b),
      failure: file.failure,
    };
  }

  /** Every holding of every number, and the decks of the plans the holders' services are priced by. */
  private async lookups(em: EntityManager = this.db.manager): Promise<Lookups> {
    const rows: {
      number: string;
      did_id: number;
      account_id: number;
      account_service_id: number;
      assigned_at: Date;
      released_at: Date | null;
      voice_rate_plan_id: number | null;
    }[] = await em.query(
      `SELECT d.number, h.did_id, h.account_id, h.account_service_id, h.assigned_at, h.released_at, v.voice_rate_plan_id
         FROM did_assignments h JOIN dids d ON d.id = h.did_id
         JOIN account_services s ON s.id = h.account_service_id LEFT JOIN services v ON v.id = s.service_id`,
    );
    const holdings = new Map<string, Holding[]>();
    for (const r of rows) {
      const list = holdings.get(r.number) ?? [];
      list.push({
        from: r.assigned_at.getTime(),
        to: r.released_at ? r.released_at.getTime() : Number.POSITIVE_INFINITY,
        didId: Number(r.did_id),
        accountId: Number(r.account_id),
        accountServiceId: Number(r.account_service_id),
        ratePlanId: r.voice_rate_plan_id === null ? null : Number(r.voice_rate_plan_id),
      });
      holdings.set(r.number, list);
    }
    const planIds = [
      ...new Set(
        rows
          .map((r) => r.voice_rate_plan_id)
          .filter((id): id is number => id !== null)
          .map(Number),
      ),
    ];
    const decks = new Map<number, RateDeck>();
    const planNames = new Map<number, string>();
    if (planIds.length) {
      const plans: { id: number; name: string; updated_at: Date }[] = await em.query(
        'SELECT id, name, updated_at FROM voice_rate_plans WHERE id IN (?)',
        [planIds],
      );
      for (const plan of plans) {
        const id = Number(plan.id);
        planNames.set(id, plan.name);
        const version = plan.updated_at.getTime();
        let cached = this.deckCache.get(id);
        if (!cached || cached.version !== version) {
          cached = { version, deck: new RateDeck(await this.ratePlans.deckRows(em, id)) };
          this.deckCache.set(id, cached);
        }
        decks.set(id, cached.deck);
      }
    }
    return { holdings, decks, planNames };
  }
}

interface Chunk {
  bytes: Buffer;
  /** The byte after the chunk. */
  end: number;
  /** Lines of the file the chunk spans, blank ones too, counted as the line reader counts them. */
  lines: number;
}

/**
 * Up to CHUNK_LINES lines from `start`, cut after a line break, so a chunk never ends inside a line
 * (or between the two bytes of a CRLF). A CSV line of a switch never holds a line break inside a field.
 */
async function readChunk(handle: FileHandle, start: number, size: number): Promise<Chunk> {
  let length = Math.min(READ_BYTES, size - start);
  for (;;) {
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await handle.read(buffer, 0, length, start);
    const data = buffer.subarray(0, bytesRead);
    const eof = start + bytesRead >= size;
    let count = 0;
    let last = -1;
    for (let at = 0; count < CHUNK_LINES; count++) {
      const i = data.indexOf(10, at);
      if (i < 0) break;
      last = i;
      at = i + 1;
    }
    let cut: number;
    if (count === CHUNK_LINES || (last >= 0 && !eof)) cut = last + 1;
    else if (eof) cut = data.length;
    else {
      // Not one whole line in what was read: a very long line, read again with more room.
      if (length >= MAX_LINE_BYTES || start + length >= size) {
        throw new CdrFileFailure(`a line starting at byte ${start} is longer than ${MAX_LINE_BYTES} bytes; this is not a call record file`);
      }
      length = Math.min(length * 4, size - start);
      continue;
    }
    const bytes = data.subarray(0, cut);
    return { bytes, end: start + cut, lines: countLines(bytes) };
  }
}

/** Lines as Node's line reader counts them: a break is CRLF, LF or a lone CR; text after the last break is a line too. */
export function countLines(bytes: Buffer): number {
  let breaks = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) breaks++;
  for (let at = bytes.indexOf(13); at >= 0; at = bytes.indexOf(13, at + 1)) if (bytes[at + 1] !== 10) breaks++;
  const last = bytes[bytes.length - 1];
  return breaks + (bytes.length > 0 && last !== 10 && last !== 13 ? 1 : 0);
}

/** A generic file's header: its first line that is not blank, as the reader saw it. */
async function headerLine(handle: FileHandle, size: number): Promise<string | null> {
  const length = Math.min(size, 1024 ** 2);
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, 0);
  const lines = buffer
    .subarray(0, bytesRead)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/);
  return lines.find((line) => line.trim() !== '') ?? null;
}
