import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { SearchAttributePair } from '@temporalio/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ticketDeadlineWorkflow } from '../../workflows/ticket-deadline.workflow';
import { searchAttributes, ticketChangedSignal, workflowIds } from '../../workflows/shared';
import { DomainException } from '../common/errors';
import { inLanes } from '../common/in-lanes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { isLive, liveTicketsPage, ticketFacts } from './ticket-deadline-rows';
import { TicketDeadlinesErrorCode } from './ticket-deadlines.error-codes';

/** How long a clerk's request waits for Temporal; past it the reconciliation gives the ticket its timer later. */
const ANSWER_WITHIN_MS = 5_000;
/** Temporal calls in flight at once when every open ticket is looked at. */
const LANES = 8;
const PAGE = 500;

/**
 * Starts, wakes and (by waking) ends the deadline timer of each ticket. Signal-with-Start
 * needs no worker to answer: the change is committed already and the timer reads it from
 * the database, so a clerk never waits on a worker, and a ticket changed twice is woken twice
 * by the same run. The reconciliation starts a timer for every open ticket without one.
 */
@Injectable()
export class TicketDeadlineTimers implements OnApplicationShutdown {
  /** Work started in the background (after a settings change), awaited before the process stops. */
  private readonly background = new Set<Promise<void>>();

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @InjectPinoLogger('TicketDeadlines') private readonly logger: PinoLogger,
  ) {}

  /** After a change to tickets: each open one's timer wakes (or starts); a closed or merged one's wakes to end. */
  async ticketsChanged(ticketIds: number[]): Promise<void> {
    for (const ticketId of ticketIds) {
      const ticket = await ticketFacts(this.db.manager, ticketId);
      if (!ticket) continue;
      try {
        if (isLive(ticket)) await this.wake(ticketId, ticket.accountId);
        else await this.tellIfRunning(ticketId);
      } catch (err) {
        this.logger.warn(
          { ticketId, err: err instanceof Error ? err.message : String(err) },
          'The ticket deadline timer was not told of the change',
        );
      }
    }
  }

  /**
   * Starts a timer for each open ticket that has none running; the running ones are left alone.
   * Safe to repeat and to run from several processes at once: each worker runs it as it starts,
   * the timer reconciler workflow every quarter of an hour, and staff on request.
   */
  async reconcile(): Promise<{ openTickets: number; started: number }> {
    try {
      const running = await this.runningTimers();
      let openTickets = 0;
      let started = 0;
      for (let after = 0; ;) {
        const page = await liveTicketsPage(this.db.manager, after, PAGE);
        if (!page.length) break;
        after = page[page.length - 1].id;
        openTickets += page.length;
        const missing = page.filter((t) => !running.has(workflowIds.ticketDeadline(t.id)));
        const { failure } = await inLanes(missing, LANES, async (t) => {
          if (await this.start(t.id, t.accountId)) started++;
        });
        if (failure !== null) throw failure;
      }
      if (started) this.logger.info({ started, openTickets }, 'Deadline timers started for open tickets that had none');
      return { openTickets, started };
    } catch (err) {
      throw new DomainException(
        TicketDeadlinesErrorCode.TimersUnavailable,
        `The deadline timers could not be checked; try again shortly (${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }

  /** After a settings change: every open ticket's timer works its deadlines out again, in the background. */
  recheckAllLater(reason: string): void {
    this.runInBackground(reason, () => this.recheckAll());
  }

  /** Work that answers nobody: a failure is logged; the work is awaited before the process stops. */
  private runInBackground(reason: string, work: () => Promise<void>): void {
    const running = work().catch((err: unknown) =>
      this.logger.warn(
        { reason, err: err instanceof Error ? err.message : String(err) },
        'Deadline timers were not all brought up to date',
      ),
    );
    this.background.add(running);
    void running.finally(() => this.background.delete(running));
  }

  /** Waits for the rechecks started in the background (tests, and shutdown). */
  async settled(): Promise<void> {
    while (this.background.size) await Promise.all([...this.background]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private async recheckAll(): Promise<void> {
    for (let after = 0; ;) {
      const page = await liveTicketsPage(this.db.manager, after, PAGE);
      if (!page.length) return;
      after = page[page.length - 1].id;
      const { failure } = await inLanes(page, LANES, (t) => this.wake(t.id, t.accountId));
      if (failure !== null) throw failure;
    }
  }

  private attributes(accountId: number | null): SearchAttributePair[] {
    return accountId === null ? [] : [{ key: searchAttributes.accountId, value: accountId }];
  }

  private memo(ticketId: number, accountId: number | null) {
    return {
      description: `Deadlines of ticket ${ticketId}${accountId === null ? '' : ` on account ${accountId}`}`,
      ticket: ticketId,
      ...(accountId !== null && { account: accountId }),
    };
  }

  private async wake(ticketId: number, accountId: number | null): Promise<void> {
    await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () =>
      this.client.workflow.signalWithStart(ticketDeadlineWorkflow, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId: workflowIds.ticketDeadline(ticketId),
        args: [{ ticketId }],
        signal: ticketChangedSignal,
        signalArgs: [],
        typedSearchAttributes: this.attributes(accountId),
        memo: this.memo(ticketId, accountId),
      }),
    );
  }

  /** True when this call started it; false when one was running already. */
  private async start(ticketId: number, accountId: number | null): Promise<boolean> {
    try {
      await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () =>
        this.client.workflow.start(ticketDeadlineWorkflow, {
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          workflowId: workflowIds.ticketDeadline(ticketId),
          args: [{ ticketId }],
          typedSearchAttributes: this.attributes(accountId),
          memo: this.memo(ticketId, accountId),
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
      throw err;
    }
  }

  private async tellIfRunning(ticketId: number): Promise<void> {
    try {
      await this.client.withDeadline(Date.now() + ANSWER_WITHIN_MS, () =>
        this.client.workflow.getHandle(workflowIds.ticketDeadline(ticketId)).signal(ticketChangedSignal),
      );
    } catch (err) {
      // No timer, or one that already ended: nothing waits on this ticket.
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  }

  private async runningTimers(): Promise<Set<string>> {
    const ids = new Set<string>();
    const query = `WorkflowType = 'ticketDeadlineWorkflow' AND ExecutionStatus = 'Running' AND TaskQueue = '${this.config.TEMPORAL_TASK_QUEUE.replace(/'/g, "''")}'`;
    for await (const execution of this.client.workflow.list({ query })) ids.add(execution.workflowId);
    return ids;
  }
}
