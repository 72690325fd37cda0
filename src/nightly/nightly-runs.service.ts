import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { delinquencyRunWorkflow } from '../../workflows/delinquency-run.workflow';
import { nightlyWorkflow } from '../../workflows/nightly.workflow';
import { billingDateAttributes, dayInWords, workflowIds } from '../../workflows/shared';
import { AuditService } from '../audit/audit.service';
import { billingToday, dateFieldError } from '../billing-config/billing-date';
import { Clock } from '../common/clock';
import { BadInputException, DomainException } from '../common/errors';
import { requestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DelinquencyPreview, DelinquencyService } from '../delinquency/delinquency.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { NightlyRunRecordsService, NightlyStep } from './nightly-run-records.service';
import { NightlyErrorCode } from './nightly.error-codes';

/** Accounts a delinquency preview looks at when not given any. */
export const PREVIEW_ACCOUNT_LIMIT = 500;

export interface NamedDelinquencyPreview extends DelinquencyPreview {
  accountNames: Record<number, string>;
  statusNames: Record<number, string>;
}

/** Starting the nightly processes for a chosen date, and previewing delinquency without running it. */
@Injectable()
export class NightlyRunsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly records: NightlyRunRecordsService,
    private readonly delinquency: DelinquencyService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Starts the process of that date and step, or finds it already started or done:
   * one run per date and step. A failed run may be started again.
   */
  async start(step: NightlyStep, date: string): Promise<{ workflowId: string; started: boolean }> {
    this.assertDate(date);
    const today = billingToday(this.clock, this.config.BILLING_TIME_ZONE);
    if (date > today) {
      throw new DomainException(
        NightlyErrorCode.NightlyDateNotYet,
        `The night of ${date} has not come yet (today is ${today}); nightly processes run for today or an earlier day.`,
        [{ field: 'date', rule: 'notAfterToday', message: `date cannot be after today (${today})` }],
      );
    }
    const workflowId = step === 'nightly' ? workflowIds.nightly(date) : workflowIds.delinquencyRun(date);
    if ((await this.records.find(step, date))?.status === 'completed') return { workflowId, started: false };
    const startedBy = requestContext.current()?.actor?.userId ?? null;
    const options = {
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowId,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
      typedSearchAttributes: billingDateAttributes(date),
    };
    try {
      if (step === 'nightly') {
        await this.temporal.workflow.start(nightlyWorkflow, {
          ...options,
          args: [{ date, startedBy }],
          memo: { description: `The night of ${dayInWords(date)}, started by hand` },
        });
      } else {
        await this.temporal.workflow.start(delinquencyRunWorkflow, {
          ...options,
          args: [{ date, startedBy }],
          memo: { description: `Delinquency for ${dayInWords(date)}, started by hand` },
        });
      }
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
      throw err;
    }
    await this.audit.recordAction(this.db.manager, {
      action: step === 'nightly' ? 'nightly_run.start' : 'delinquency_run.start',
      entityType: 'nightly_run',
      entityId: workflowId,
      after: { step, date, workflowId },
    });
    return { workflowId, started: true };
  }

  /** What delinquency would do on the date, for the given accounts or the first few hundred with overdue invoices. Writes nothing. */
  async previewDelinquency(date: string, accountIds?: number[]): Promise<NamedDelinquencyPreview> {
    this.assertDate(date);
    const preview = await this.delinquency.preview(date, accountIds ? { accountIds } : { limit: PREVIEW_ACCOUNT_LIMIT });
    const accounts = [...new Set([...preview.invoices, ...preview.statusChanges, ...preview.skipped].map((r) => r.accountId))];
    const statuses = [...new Set(preview.statusChanges.flatMap((c) => [c.fromStatusId, c.toStatusId]))];
    const accountRows: { id: number; name: string }[] = accounts.length
      ? await this.db.query('SELECT id, name FROM accounts WHERE id IN (?)', [accounts])
      : [];
    const statusRows: { id: number; name: string }[] = statuses.length
      ? await this.db.query('SELECT id, name FROM account_statuses WHERE id IN (?)', [statuses])
      : [];
    return {
      ...preview,
      accountNames: Object.fromEntries(accountRows.map((r) => [Number(r.id), r.name])),
      statusNames: Object.fromEntries(statusRows.map((r) => [Number(r.id), r.name])),
    };
  }

  private assertDate(date: string): void {
    const error = dateFieldError('date', date);
    if (error) throw new BadInputException([error]);
  }
}
