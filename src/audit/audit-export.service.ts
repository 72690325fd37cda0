import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowIdReusePolicy } from '@temporalio/client';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile, rename, appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { auditExportWorkflow } from '../../workflows/audit-export.workflow';
import { workflowIds } from '../../workflows/shared';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { csvRow } from '../common/csv';
import { ConflictException, DomainException, NotFoundException } from '../common/errors';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditExport } from './audit-export.entity';
import { AuditService, CSV_HEADER } from './audit.service';
import { ActionHistoryFilterDto } from './dto/action-history-filter.dto';
import { AuditErrorCode } from './audit.error-codes';
import { transactionWithRetry } from '../database/transaction';

export const EXPORT_PART_ROWS = 5000;

/** Large action-history exports, run as a durable workflow and kept as a file. */
@Injectable()
export class AuditExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async start(user: AuthenticatedUser, filter: ActionHistoryFilterDto): Promise<AuditExport> {
    const created = await transactionWithRetry(this.db, async (em) => {
      const row = em.create(AuditExport, {
        requestedBy: user.id,
        filter: { ...filter },
        status: 'running',
        rowCount: 0,
        error: null,
        createdAt: this.clock.now(),
        completedAt: null,
      });
      await em.save(row);
      await this.audit.recordAction(em, { action: 'create', entityType: 'audit_export', entityId: row.id, after: { ...row } });
      return row;
    });
    try {
      await this.launchWorkflow(created.id);
    } catch (err) {
      // Never leave a row that says "running" with nothing running behind it.
      await this.fail(created.id, `could not start: ${err instanceof Error ? err.message : String(err)}`);
      throw new DomainException(AuditErrorCode.ExportNotStarted, 'The export could not be started; try again shortly');
    }
    return created;
  }

  /** One workflow per export, ever: the id is derived from the row and never reused. */
  async launchWorkflow(exportId: number): Promise<void> {
    await this.temporal.workflow.start(auditExportWorkflow, {
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowId: workflowIds.auditExport(exportId),
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [{ exportId }],
      memo: { description: `Action history export ${exportId}` },
    });
  }

  async get(id: number): Promise<AuditExport> {
    const row = await this.db.getRepository(AuditExport).findOneBy({ id });
    if (!row) throw new NotFoundException('Audit export', id);
    return row;
  }

  async openFile(id: number): Promise<NodeJS.ReadableStream> {
    const row = await this.get(id);
    if (row.status !== 'completed')
      throw new ConflictException(AuditErrorCode.ExportNotReady, `Audit export ${id} is ${row.status}, not ready to download`);
    const file = this.filePath(id);
    if (!existsSync(file)) throw new NotFoundException('Audit export file', id);
    return createReadStream(file);
  }

  // ---- steps run by the workflow's activities ----

  /** Rewrites one part file whole, so a retried attempt replaces rather than appends. */
  async writePart(exportId: number, part: number, afterId: number): Promise<{ rows: number; lastId: number; more: boolean }> {
    const row = await this.get(exportId);
    const page = await this.audit.actionsAfter(row.filter, afterId, EXPORT_PART_ROWS + 1);
    const rows = page.slice(0, EXPORT_PART_ROWS);
    const dir = this.partsDir(exportId);
    await mkdir(dir, { recursive: true });
    const tmp = join(dir, `part-${part}.tmp`);
    await writeFile(tmp, await this.audit.csvRows(rows));
    await rename(tmp, join(dir, partName(part)));
    return { rows: rows.length, lastId: rows.length ? rows[rows.length - 1].id : afterId, more: page.length > EXPORT_PART_ROWS };
  }

  async complete(exportId: number, parts: number, rowCount: number): Promise<void> {
    const dir = this.partsDir(exportId);
    const tmp = `${this.filePath(exportId)}.tmp`;
    await mkdir(this.exportsDir(), { recursive: true });
    await writeFile(tmp, csvRow(CSV_HEADER));
    for (let part = 1; part <= parts; part++) {
      await appendFile(tmp, await readFile(join(dir, partName(part))));
    }
    await rename(tmp, this.filePath(exportId));
    await this.finish(exportId, { status: 'completed', rowCount, error: null });
    if (existsSync(dir)) {
      for (const file of await readdir(dir)) await rm(join(dir, file));
      await rm(dir, { recursive: true, force: true });
    }
  }

  async fail(exportId: number, message: string): Promise<void> {
    await this.finish(exportId, { status: 'failed', error: message.slice(0, 500) });
  }

  private async finish(exportId: number, changes: Partial<AuditExport>): Promise<void> {
    await transactionWithRetry(this.db, async (em) => {
      const before = await em.findOneOrFail(AuditExport, { where: { id: exportId }, lock: { mode: 'pessimistic_write' } });
      if (before.status !== 'running') return;
      const after = { ...before, ...changes, completedAt: this.clock.now() };
      await em.update(AuditExport, { id: exportId }, { ...changes, completedAt: after.completedAt });
      await this.audit.recordAction(em, {
        action: changes.status === 'completed' ? 'complete' : 'fail',
        entityType: 'audit_export',
        entityId: exportId,
        before: { ...before },
        after,
        actor: null,
      });
    });
  }

  private exportsDir(): string {
    return join(this.config.STORAGE_DIR, 'audit-exports');
  }

  private partsDir(exportId: number): string {
    return join(this.exportsDir(), `${exportId}.parts`);
  }

  private filePath(exportId: number): string {
    return join(this.exportsDir(), `${exportId}.csv`);
  }
}

function partName(part: number): string {
  return `part-${String(part).padStart(6, '0')}.csv`;
}
