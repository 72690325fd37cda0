import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { billingToday } from '../billing-config/billing-date';
import { ConflictException } from '../common/errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { conflictsIntroduced, DataLine, dataServiceConflicts, PlannedEvent } from './data-service-rule';
import { ScheduledEventRows } from './scheduled-event-rows';
import { EventFacts, ScheduledEventTargets } from './scheduled-event-targets';
import { ScheduledEventsErrorCode } from './scheduled-events.error-codes';

/** How a create, edit or cancel changes the account's list of pending events. */
export type PendingChange = { upsert: { id: number; runAt: Date; facts: EventFacts; field: string } } | { cancel: { id: number } };

/**
 * Applies the one-data-service rule (see data-service-rule.ts) to the account's
 * pending events, before a change to them is saved and again when an addition
 * is carried out. Callers hold the account's family lock.
 */
@Injectable()
export class DataServiceGuard {
  constructor(
    private readonly rows: ScheduledEventRows,
    private readonly targets: ScheduledEventTargets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses (409) a change that would leave some scheduled data addition meeting another data service. */
  async assertAllowed(em: EntityManager, accountId: number, change: PendingChange): Promise<void> {
    const pending = await this.rows.pending(em, accountId);
    const facts = await this.targets.factsOf(em, pending);
    const planned = pending.map((row) => this.planned(row.id, row.runAt, facts.get(row.id) as EventFacts));
    const changedId = 'upsert' in change ? change.upsert.id : change.cancel.id;
    const after = planned.filter((e) => e.id !== changedId);
    if ('upsert' in change) after.push(this.planned(changedId, change.upsert.runAt, change.upsert.facts));
    // Nothing about data services moves: no need to read the account's lines.
    if (!after.some((e) => e.addsData !== null)) return;
    const lines = await this.lines(accountId);
    const introduced = conflictsIntroduced(dataServiceConflicts(lines, planned), dataServiceConflicts(lines, after), changedId);
    if (!introduced.length) return;
    const [first] = introduced;
    const own = first.eventId === changedId;
    const what = own ? 'This event' : `Scheduled event ${first.eventId} (${first.summary})`;
    throw new ConflictException(
      ScheduledEventsErrorCode.OneDataService,
      `An account can have only one data service: ${what} would add one at ${first.runAt.toISOString()} while ${first.blockers.join(
        ', ',
      )} is still on the account. Remove the old data service first, or schedule its removal earlier.`,
      [
        {
          field: 'upsert' in change ? (own ? change.upsert.field : 'runAt') : 'id',
          rule: 'oneDataService',
          message: `${first.blockers.join(', ')} would still be on the account`,
        },
      ],
    );
  }

  /** When an addition is carried out: refuses it while a data service is on the account on `day`. */
  async assertNoneOn(accountId: number, day: string): Promise<void> {
    const still = (await this.lines(accountId)).filter((l) => l.removedOn === null || l.removedOn > day).map((l) => l.name);
    if (still.length) {
      throw new ConflictException(
        ScheduledEventsErrorCode.OneDataService,
        `${still.join(', ')} is still on the account, and an account can have only one data service; remove it first`,
      );
    }
  }

  private async lines(accountId: number): Promise<DataLine[]> {
    return (await this.targets.dataLines(accountId)).map((l) => ({ accountServiceId: l.id, name: l.name, removedOn: l.removedOn }));
  }

  private planned(id: number, runAt: Date, facts: EventFacts): PlannedEvent {
    return {
      id,
      runAt,
      day: billingToday({ now: () => runAt }, this.config.BILLING_TIME_ZONE),
      addsData: facts.addsData,
      removesLine: facts.removesLine,
      summary: facts.summary,
    };
  }
}
