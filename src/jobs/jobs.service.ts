import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccountLockService } from '../accounts/account-lock.service';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { BadInputException, ConflictException, NotFoundException } from '../common/errors';
import { ListQuery, ListResult } from '../common/list-query';
import { transactionWithRetry } from '../database/transaction';
import { TicketsService } from '../tickets/tickets.service';
import {
  AccountJobFilterDto,
  CreateJobDto,
  CreateJobLinkDto,
  CreateTicketJobDto,
  JobAttachmentKind,
  JobDetailResponseDto,
  JobFilterDto,
  JobResponseDto,
  JobSortField,
  UpdateJobDto,
} from './dto/job.dto';
import { AttachmentTargets } from './attachment-targets';
import { JobBookingService } from './job-booking.service';
import { JobRows } from './job-rows';
import { JobsErrorCode } from './jobs.error-codes';

/**
 * Jobs on accounts: creating, editing, deleting and attaching tasks and files. Each
 * change locks the account first, then the job's row, then reads it again, so two
 * clerks working on one job serialize and the second sees the first's work; each
 * writes its action-history entry in the same transaction. Booking and status moves
 * are JobBookingService's.
 */
@Injectable()
export class JobsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: JobRows,
    private readonly accounts: AccountLockService,
    private readonly booking: JobBookingService,
    private readonly targets: AttachmentTargets,
    private readonly tickets: TicketsService,
    private readonly audit: AuditService,
  ) {}

  async list(
    accountId: number | null,
    query: ListQuery<AccountJobFilterDto & JobFilterDto, JobSortField>,
  ): Promise<ListResult<JobResponseDto>> {
    if (accountId !== null) {
      const [account]: { id: number }[] = await this.db.query('SELECT id FROM accounts WHERE id = ?', [accountId]);
      if (!account) throw new NotFoundException('Account', accountId);
    }
    const f = query.filter;
    const { rows, total } = await this.rows.list(
      this.db.manager,
      {
        accountId: accountId ?? f.accountId,
        q: f.q,
        statuses: f.status,
        jobTypeIds: f.jobTypeId,
        technicianId: f.technicianId,
        scheduledFrom: f.scheduledFrom ? new Date(f.scheduledFrom) : undefined,
        scheduledTo: f.scheduledTo ? new Date(f.scheduledTo) : undefined,
        ticketId: f.ticketId,
        ids: f.id,
      },
      query.sort,
      query.offset,
      query.limit,
    );
    return new ListResult('jobs', rows, total, query.offset);
  }

  async get(id: number, em: EntityManager = this.db.manager): Promise<JobDetailResponseDto> {
    const job = await this.rows.require(em, id);
    const links = [];
    for (const attachment of await this.rows.attachmentsOf(em, id)) {
      const target = await this.targets.find(attachment.kind, attachment.targetId);
      links.push({ ...attachment, title: target?.title ?? `${attachment.kind} #${attachment.targetId}` });
    }
    return { ...job, links };
  }

  async create(accountId: number, dto: CreateJobDto, user: AuthenticatedUser): Promise<JobDetailResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      await this.accounts.lock(em, accountId);
      if (dto.ticketId !== undefined) await this.assertTicketOf(em, dto.ticketId, accountId);
      const id = await this.insertLocked(em, accountId, dto, user);
      if (dto.ticketId !== undefined) await this.tickets.link(em, dto.ticketId, 'job', id, user.id);
      return this.recordCreate(em, id, accountId);
    });
  }

  /** A job for the ticket's account, linked to the ticket. */
  async createFromTicket(ticketId: number, dto: CreateTicketJobDto, user: AuthenticatedUser): Promise<JobDetailResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const accountId = await this.accountOfTicket(em, ticketId);
      await this.accounts.lock(em, accountId);
      // The ticket may have been given its account or merged while the lock was awaited: read it again.
      await this.assertTicketOf(em, ticketId, accountId);
      const id = await this.insertLocked(em, accountId, dto, user);
      await this.tickets.link(em, ticketId, 'job', id, user.id);
      return this.recordCreate(em, id, accountId);
    });
  }

  async update(id: number, dto: UpdateJobDto): Promise<JobDetailResponseDto> {
    if (Object.values(dto).every((value) => value === undefined)) {
      throw new BadInputException([
        { field: 'body', rule: 'nothingToChange', message: 'give at least one of jobTypeId, durationMinutes, notes' },
      ]);
    }
    const { after, arming } = await transactionWithRetry(this.db, async (em) => {
      const job = await this.booking.lockJob(em, id, 'edit');
      if (dto.jobTypeId !== undefined) await this.assertJobType(em, dto.jobTypeId);
      const before = await this.get(id, em);
      await this.rows.updateFields(em, id, {
        jobTypeId: dto.jobTypeId,
        durationMinutes: dto.durationMinutes,
        notes: dto.notes === undefined ? undefined : blankToNull(dto.notes),
      });
      // A longer or shorter visit moves its end: booked again on the same technicians, under the same rule.
      const rebooked =
        job.status === 'scheduled' && dto.durationMinutes !== undefined && dto.durationMinutes !== job.durationMinutes
          ? await this.booking.rebookLocked(em, job, job.startsAt as Date, dto.durationMinutes, await this.rows.technicianIdsOf(em, id))
          : null;
      const after = await this.get(id, em);
      await this.audit.recordAction(em, {
        action: 'job.update',
        entityType: 'job',
        entityId: id,
        accountId: job.accountId,
        before: { ...before },
        after: { ...after },
      });
      return { after, arming: rebooked };
    });
    if (arming) await this.booking.afterCommit(arming);
    return after;
  }

  async delete(id: number): Promise<JobDetailResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const job = await this.booking.lockJob(em, id, 'delete');
      const before = await this.get(id, em);
      await this.tickets.unlinkDeleted(em, 'job', id);
      await this.rows.delete(em, id);
      await this.audit.recordAction(em, {
        action: 'job.delete',
        entityType: 'job',
        entityId: id,
        accountId: job.accountId,
        before: { ...before },
        after: null,
      });
      return before;
    });
  }

  async link(id: number, dto: CreateJobLinkDto, user: AuthenticatedUser): Promise<JobDetailResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const job = await this.booking.lockJob(em, id, 'link');
      const target = await this.targets.find(dto.kind, dto.targetId);
      if (!target || target.accountId !== job.accountId) {
        throw new BadInputException([
          {
            field: 'targetId',
            rule: 'sameAccount',
            message: `${dto.kind} ${dto.targetId} is not one of account ${job.accountId}'s ${dto.kind}s`,
          },
        ]);
      }
      if (await this.rows.attach(em, id, dto.kind, dto.targetId, user.id)) {
        await this.audit.recordAction(em, {
          action: 'job.link',
          entityType: 'job',
          entityId: id,
          accountId: job.accountId,
          before: null,
          after: { kind: dto.kind, targetId: dto.targetId, title: target.title },
        });
      }
      return this.get(id, em);
    });
  }

  async unlink(id: number, kind: JobAttachmentKind, targetId: number): Promise<JobDetailResponseDto> {
    return transactionWithRetry(this.db, async (em) => {
      const job = await this.booking.lockJob(em, id, 'link');
      if (!(await this.rows.detach(em, id, kind, targetId))) throw new NotFoundException(`Attachment ${kind}`, targetId);
      await this.audit.recordAction(em, {
        action: 'job.unlink',
        entityType: 'job',
        entityId: id,
        accountId: job.accountId,
        before: { kind, targetId },
        after: null,
      });
      return this.get(id, em);
    });
  }

  private async insertLocked(em: EntityManager, accountId: number, dto: CreateTicketJobDto, user: AuthenticatedUser): Promise<number> {
    const type = await this.assertJobType(em, dto.jobTypeId);
    return this.rows.insert(em, {
      accountId,
      jobTypeId: dto.jobTypeId,
      durationMinutes: dto.durationMinutes ?? type.defaultDurationMinutes,
      notes: blankToNull(dto.notes),
      createdBy: user.id,
    });
  }

  private async recordCreate(em: EntityManager, id: number, accountId: number): Promise<JobDetailResponseDto> {
    const after = await this.get(id, em);
    await this.audit.recordAction(em, {
      action: 'job.create',
      entityType: 'job',
      entityId: id,
      accountId,
      before: null,
      after: { ...after },
    });
    return after;
  }

  private async assertJobType(em: EntityManager, jobTypeId: number): Promise<{ defaultDurationMinutes: number }> {
    const [type]: { default_duration_minutes: number }[] = await em.query('SELECT default_duration_minutes FROM job_types WHERE id = ?', [
      jobTypeId,
    ]);
    if (!type) throw new BadInputException([{ field: 'jobTypeId', rule: 'exists', message: `job type ${jobTypeId} does not exist` }]);
    return { defaultDurationMinutes: Number(type.default_duration_minutes) };
  }

  private async accountOfTicket(em: EntityManager, ticketId: number): Promise<number> {
    const [ticket]: { account_id: number | null }[] = await em.query('SELECT account_id FROM tickets WHERE id = ?', [ticketId]);
    if (!ticket) throw new NotFoundException('Ticket', ticketId);
    if (ticket.account_id === null) {
      throw new ConflictException(
        JobsErrorCode.TicketWithoutAccount,
        `Ticket ${ticketId} does not belong to an account yet, so a job cannot be made from it; give it an account first`,
      );
    }
    return Number(ticket.account_id);
  }

  private async assertTicketOf(em: EntityManager, ticketId: number, accountId: number): Promise<void> {
    const [ticket]: { account_id: number | null }[] = await em.query('SELECT account_id FROM tickets WHERE id = ?', [ticketId]);
    if (!ticket || ticket.account_id === null || Number(ticket.account_id) !== accountId) {
      throw new BadInputException([
        { field: 'ticketId', rule: 'sameAccount', message: `ticket ${ticketId} is not a ticket of account ${accountId}` },
      ]);
    }
  }
}

function blankToNull(text: string | null | undefined): string | null {
  return text === null || text === undefined || !text.trim() ? null : text;
}
