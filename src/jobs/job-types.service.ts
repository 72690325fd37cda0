import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BadInputException, ConflictException, FieldError, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { likeContains } from '../common/sql-like';
import { isDuplicateKey } from '../database/duplicate-key';
import { transactionWithRetry } from '../database/transaction';
import {
  CompletionAction,
  CreateJobTypeDto,
  JobTypeFilterDto,
  JobTypeResponseDto,
  JobTypeSortField,
  UpdateJobTypeDto,
} from './dto/job-type.dto';
import { JobsErrorCode } from './jobs.error-codes';

const COLUMNS = `t.id, t.name, t.default_duration_minutes, t.color, t.completion_action, t.activation_status_id,
  s.name AS activation_status_name, (SELECT COUNT(*) FROM jobs j WHERE j.job_type_id = t.id) AS job_count, t.created_at, t.updated_at`;
const FROM = 'job_types t LEFT JOIN account_statuses s ON s.id = t.activation_status_id';
const SORT_COLUMNS: Record<JobTypeSortField, string> = { name: 't.name', id: 't.id', defaultDurationMinutes: 't.default_duration_minutes' };

function toResponse(r: Record<string, unknown>): JobTypeResponseDto {
  return {
    id: Number(r.id),
    name: r.name as string,
    defaultDurationMinutes: Number(r.default_duration_minutes),
    color: r.color as string,
    completionAction: r.completion_action as CompletionAction,
    activationStatusId: r.activation_status_id === null ? null : Number(r.activation_status_id),
    activationStatusName: (r.activation_status_name as string | null) ?? null,
    jobCount: Number(r.job_count),
    createdAt: (r.created_at as Date).toISOString(),
    updatedAt: (r.updated_at as Date).toISOString(),
  };
}

/** The kinds of field work, each with its usual length, its colour and what completing one does to the account. */
@Injectable()
export class JobTypesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQuery<JobTypeFilterDto, JobTypeSortField>): Promise<ListResult<JobTypeResponseDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.filter.q?.trim()) {
      where.push('t.name LIKE ?');
      params.push(likeContains(query.filter.q.trim()));
    }
    if (query.filter.id?.length) {
      where.push('t.id IN (?)');
      params.push(query.filter.id);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT COUNT(*) AS n FROM job_types t ${clause}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${COLUMNS} FROM ${FROM} ${clause} ORDER BY ${SORT_COLUMNS[query.sort.field]} ${query.sort.order}, t.id ${query.sort.order}
        LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    return new ListResult('job-types', rows.map(toResponse), Number(n), query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<JobTypeResponseDto> {
    const [row]: Record<string, unknown>[] = await em.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE t.id = ?`, [id]);
    if (!row) throw new NotFoundException('Job type', id);
    return toResponse(row);
  }

  async create(dto: CreateJobTypeDto): Promise<JobTypeResponseDto> {
    const action = dto.completionAction ?? 'none';
    const statusId = dto.activationStatusId ?? null;
    return transactionWithRetry(this.db, async (em) => {
      await this.checkCompletion(em, action, statusId);
      let id: number;
      try {
        const res: { insertId: number } = await em.query(
          `INSERT INTO job_types (name, default_duration_minutes, color, completion_action, activation_status_id) VALUES (?, ?, ?, ?, ?)`,
          [dto.name, dto.defaultDurationMinutes, dto.color ?? '#1e88e5', action, statusId],
        );
        id = Number(res.insertId);
      } catch (err) {
        throw isDuplicateKey(err) ? this.nameTaken(dto.name) : err;
      }
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'job_type.create',
        entityType: 'job_type',
        entityId: id,
        before: null,
        after: { ...after },
      });
      return after;
    });
  }

  async update(id: number, dto: UpdateJobTypeDto): Promise<JobTypeResponseDto> {
    if (Object.values(dto).every((value) => value === undefined)) {
      throw new BadInputException([
        {
          field: 'body',
          rule: 'nothingToChange',
          message: 'give at least one of name, defaultDurationMinutes, color, completionAction, activationStatusId',
        },
      ]);
    }
    return transactionWithRetry(this.db, async (em) => {
      const [locked]: { id: number }[] = await em.query('SELECT id FROM job_types WHERE id = ? FOR UPDATE', [id]);
      if (!locked) throw new NotFoundException('Job type', id);
      const before = await this.get(id, em);
      const action = dto.completionAction ?? before.completionAction;
      // Switching to "none" drops the status unless one is sent (which is then refused below).
      const statusId = dto.activationStatusId !== undefined ? dto.activationStatusId : action === 'none' ? null : before.activationStatusId;
      await this.checkCompletion(em, action, statusId);
      try {
        await em.query(
          `UPDATE job_types SET name = ?, default_duration_minutes = ?, color = ?, completion_action = ?, activation_status_id = ? WHERE id = ?`,
          [
            dto.name ?? before.name,
            dto.defaultDurationMinutes ?? before.defaultDurationMinutes,
            dto.color ?? before.color,
            action,
            statusId,
            id,
          ],
        );
      } catch (err) {
        throw isDuplicateKey(err) ? this.nameTaken(dto.name ?? before.name) : err;
      }
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'job_type.update',
        entityType: 'job_type',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  async delete(id: number): Promise<JobTypeResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const [locked]: { id: number }[] = await em.query('SELECT id FROM job_types WHERE id = ? FOR UPDATE', [id]);
      if (!locked) throw new NotFoundException('Job type', id);
      const before = await this.get(id, em);
      if (before.jobCount > 0) {
        throw new ConflictException(
          JobsErrorCode.JobTypeInUse,
          `The job type '${before.name}' is used by ${before.jobCount} ${before.jobCount === 1 ? 'job' : 'jobs'}, so it cannot be deleted`,
        );
      }
      try {
        await em.query('DELETE FROM job_types WHERE id = ?', [id]);
      } catch (err) {
        // A job of the type committed between the count and the delete: the foreign key refuses.
        if ((err as { errno?: number }).errno === 1451) {
          throw new ConflictException(JobsErrorCode.JobTypeInUse, `The job type '${before.name}' is in use, so it cannot be deleted`);
        }
        throw err;
      }
      await this.audit.recordAction(em, {
        action: 'job_type.delete',
        entityType: 'job_type',
        entityId: id,
        before: { ...before },
        after: null,
      });
      return before;
    });
  }

  /** The completion action and its status go together: activating needs a status that counts as active, and "none" takes none. */
  private async checkCompletion(em: EntityManager, action: CompletionAction, statusId: number | null): Promise<void> {
    const errors: FieldError[] = [];
    if (action === 'none' && statusId !== null) {
      errors.push({
        field: 'activationStatusId',
        rule: 'notForAction',
        message: 'activationStatusId is only taken with completionAction activate_account',
      });
    }
    if (action === 'activate_account') {
      if (statusId === null) {
        errors.push({
          field: 'activationStatusId',
          rule: 'required',
          message: 'completionAction activate_account needs activationStatusId',
        });
      } else {
        const [status]: { counts_as_active: number }[] = await em.query('SELECT counts_as_active FROM account_statuses WHERE id = ?', [
          statusId,
        ]);
        if (!status) {
          errors.push({ field: 'activationStatusId', rule: 'exists', message: `account status ${statusId} does not exist` });
        } else if (Number(status.counts_as_active) !== 1) {
          errors.push({
            field: 'activationStatusId',
            rule: 'countsAsActive',
            message: `account status ${statusId} does not count as active, so it cannot activate an account`,
          });
        }
      }
    }
    if (errors.length) throw new BadInputException(errors);
  }

  private nameTaken(name: string): ConflictException {
    return new ConflictException(JobsErrorCode.JobTypeNameTaken, `A job type named '${name}' exists already`, [
      { field: 'name', rule: 'unique', message: `a job type named '${name}' exists already` },
    ]);
  }
}
