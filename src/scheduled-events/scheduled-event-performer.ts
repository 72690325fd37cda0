import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { workflowIds } from '../../workflows/shared';
import { AccountStatusWriter } from '../accounts/account-status-writer';
import { AuditService } from '../audit/audit.service';
import { AccountServicesService } from '../billing/account-services.service';
import { FamilyLockService } from '../billing/family-lock.service';
import { LedgerService } from '../billing/ledger.service';
import { Clock } from '../common/clock';
import { CommonErrorCode } from '../common/common.error-codes';
import { DomainException } from '../common/errors';
import { requestContext } from '../common/request-context';
import { transactionWithRetry } from '../database/transaction';
import { DataServiceGuard } from './data-service-guard';
import { ScheduledEventRow, ScheduledEventRows } from './scheduled-event-rows';
import { ScheduledEventTargets } from './scheduled-event-targets';

/** What carrying out an event came to, for the workflow. */
export type PerformOutcome =
  | { outcome: 'done' | 'cancelled' | 'missing' }
  /** Edited since the workflow last heard: wait for this time and revision instead. */
  | { outcome: 'moved'; runAt: string; revision: number };

/** The action itself was refused (the line was removed meanwhile, the period is closed…); it is recorded on the event. */
export class ScheduledEventRefused extends Error {}

const MAX_REASON = 500;

/** A refusal in words a billing clerk understands, with the field messages when there are any. */
function reasonOf(err: DomainException): string {
  const details = err.details.map((d) => d.message).join('; ');
  const text = details && err.code === CommonErrorCode.ValidationFailed ? details : details ? `${err.message}: ${details}` : err.message;
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}

/**
 * Carries out a scheduled event when its workflow wakes. The check that the event
 * is still waiting with the revision the workflow knows, the change itself
 * (through the billing services) and marking it done share one transaction under
 * the account family's lock, so a retried activity acts at most once and an edit
 * or cancel racing it either lands first or finds it done.
 */
@Injectable()
export class ScheduledEventPerformer {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rows: ScheduledEventRows,
    private readonly locks: FamilyLockService,
    private readonly accountServices: AccountServicesService,
    private readonly targets: ScheduledEventTargets,
    private readonly statuses: AccountStatusWriter,
    private readonly dataServices: DataServiceGuard,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async perform(eventId: number, revision: number): Promise<PerformOutcome> {
    // Entries written here carry the workflow id instead of a request id, and no person as actor.
    return requestContext.run({ requestId: workflowIds.scheduledEvent(eventId) }, async () => {
      try {
        return await transactionWithRetry(this.db, (em) => this.act(em, eventId, revision));
      } catch (err) {
        if (!(err instanceof DomainException)) throw err;
        const reason = reasonOf(err);
        const outcome = await transactionWithRetry(this.db, (em) => this.fail(em, eventId, revision, reason));
        if (outcome) return outcome;
        throw new ScheduledEventRefused(reason);
      }
    });
  }

  /** Locks the family and the row; answers without acting when the row is no longer this revision's to act on. */
  private async claim(em: EntityManager, eventId: number, revision: number): Promise<ScheduledEventRow | PerformOutcome> {
    // A workflow due at once can wake before the API has committed the row it was started for.
    const accountId = (await this.rows.accountOf(em, eventId)) ?? (await this.rows.accountOf(em, eventId, { waitForInsert: true }));
    if (accountId === null) return { outcome: 'missing' };
    await this.locks.lock(em, accountId);
    const row = await this.rows.lock(em, eventId);
    if (row.state === 'done' || row.state === 'cancelled') return { outcome: row.state };
    if (row.state === 'failed') throw new ScheduledEventRefused(row.failureReason ?? 'failed');
    if (row.revision !== revision) return { outcome: 'moved', runAt: row.runAt.toISOString(), revision: row.revision };
    return row;
  }

  private async act(em: EntityManager, eventId: number, revision: number): Promise<PerformOutcome> {
    const row = await this.claim(em, eventId, revision);
    if ('outcome' in row) return row;
    const result = await this.apply(em, row);
    const now = this.clock.now();
    await this.rows.close(em, row.id, 'done', now);
    await this.audit.recordAction(em, {
      action: 'scheduled_event.perform',
      entityType: 'scheduled_event',
      entityId: row.id,
      accountId: row.accountId,
      before: { state: 'scheduled', revision: row.revision },
      after: { state: 'done', actedAt: now.toISOString(), ...result },
      actor: null,
    });
    return { outcome: 'done' };
  }

  /** Records a refusal on the event, unless it changed meanwhile (then that change is the answer). */
  private async fail(em: EntityManager, eventId: number, revision: number, reason: string): Promise<PerformOutcome | null> {
    const row = await this.claim(em, eventId, revision);
    if ('outcome' in row) return row;
    const now = this.clock.now();
    await this.rows.close(em, row.id, 'failed', now, reason);
    await this.audit.recordAction(em, {
      action: 'scheduled_event.fail',
      entityType: 'scheduled_event',
      entityId: row.id,
      accountId: row.accountId,
      before: { state: 'scheduled', revision: row.revision },
      after: { state: 'failed', failureReason: reason },
      actor: null,
    });
    return null;
  }

  /** The change itself, dated today; returns what it made, for the audit entry. */
  private async apply(em: EntityManager, row: ScheduledEventRow): Promise<Record<string, unknown>> {
    const prorate = row.prorate ?? undefined;
    const today = this.ledger.today();
    switch (row.kind) {
      case 'add_service':
      case 'add_package': {
        const facts = (await this.targets.factsOf(em, [row])).get(row.id);
        if (facts?.addsData) await this.dataServices.assertNoneOn(row.accountId, today);
        const added = await this.accountServices.addLocked(em, {
          accountId: row.accountId,
          ...(row.kind === 'add_service' ? { serviceId: row.serviceId as number } : { packageId: row.packageId as number }),
          quantity: row.quantity ?? 1,
          ...(row.priceOverride !== null && { priceOverride: row.priceOverride }),
          prorate,
        });
        return { accountServiceId: added.id };
      }
      case 'remove_service':
      case 'remove_package': {
        const removed = await this.accountServices.removeLocked(em, row.accountServiceId as number, { prorate });
        return { accountServiceId: removed.id };
      }
      case 'set_price_override':
      case 'clear_price_override': {
        const from = row.accountServiceId as number;
        const next = await this.accountServices.changePriceOverrideLocked(em, from, {
          priceOverride: row.kind === 'set_price_override' ? row.priceOverride : null,
          prorate,
        });
        await this.rows.retarget(em, from, next.id, row.id);
        return { accountServiceId: next.id, replaces: from };
      }
      case 'change_status':
        return this.changeStatus(em, row.accountId, row.accountStatusId as number);
    }
  }

  /** The status, as an edit of the account would set it (the first active status dates the activation). */
  private async changeStatus(em: EntityManager, accountId: number, statusId: number): Promise<Record<string, unknown>> {
    const change = await this.statuses.change(em, accountId, statusId);
    if (change.before === statusId) return { accountStatusId: statusId, unchanged: true };
    await this.audit.recordAction(em, {
      action: 'update',
      entityType: 'account',
      entityId: accountId,
      accountId,
      before: { accountStatusId: change.before },
      after: { accountStatusId: statusId, ...(change.activated && { activatedAt: this.clock.now().toISOString() }) },
      actor: null,
    });
    return { accountStatusId: statusId, previousStatusId: change.before };
  }
}
