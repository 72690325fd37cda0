import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addMonths } from '../billing/billing-calendar';
import type { ChargePlan, ChargeSource, SourcedCharge } from '../billing/charge-sources';
import { CatalogService } from '../catalog/catalog.service';
import { groupInto } from '../common/group-into';
import type { CallDetailDoc, InvoiceLineDetail } from '../documents/document-types';
import { periodClosedBy } from '../usage/usage-settlements';
import { periodDays } from '../usage/usage-period';
import { drawIncludedSeconds, type IncludedMinutesScope } from './included-minutes';
import { chargeMicroSeconds, lineCents } from './money-micro';
import type { CallDirection } from './rate-deck';

const CHUNK = 500;
/** Calls per UPDATE: one JSON document of this many [id, settlement, included, charged, charge] rows. */
const CALL_CHUNK = 5_000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A voice service due to be settled for the period. */
interface DueService {
  accountId: number;
  accountServiceId: number;
  serviceId: number;
  name: string;
  includedSeconds: number;
  scope: IncludedMinutesScope;
}

/** An unsettled call as the settlement reads it: rated at import, its billed seconds and rate fixed. */
interface WaitingCall {
  id: number;
  accountServiceId: number;
  identity: string;
  start: Date;
  /** The UTC day it started, YYYY-MM-DD: what decides its period. */
  day: string;
  direction: CallDirection;
  billedSeconds: number;
  rateMicro: number;
}

interface SettledCall {
  id: number;
  includedSeconds: number;
  chargedSeconds: number;
  chargeMicroSeconds: bigint;
}

export interface VoiceLineTotals {
  calls: number;
  billedSeconds: number;
  includedSeconds: number;
  chargedSeconds: number;
  chargeMicroSeconds: bigint;
  /** The exact sum turned into cents once. */
  cents: number;
  /** Calls that started before the period: they came in after their own period was settled. */
  late: number;
}

interface Settlement {
  service: DueService;
  calls: SettledCall[];
  totals: VoiceLineTotals;
  charge: SourcedCharge | null;
}

/** 750 s as "12 min 30 s", 720 s as "12 min". */
export function minutesText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/** The invoice line's words: the calls, their billed time, what the included minutes covered, the period, and late calls if any. */
export function voiceLineDescription(serviceName: string, totals: VoiceLineTotals, first: string, last: string): string {
  const calls = `${totals.calls} ${totals.calls === 1 ? 'call' : 'calls'}`;
  const included = totals.includedSeconds ? `, ${minutesText(totals.includedSeconds)} included` : '';
  const late = totals.late ? `; ${totals.late} made before the period, received after it was billed` : '';
  return `${serviceName} calls: ${calls}, ${minutesText(totals.billedSeconds)}${included} (${first} to ${last})${late}`;
}

/**
 * Settles, for each account on its billing day, the calls of each voice service for the period the
 * date closes: the same month usage settles (from the same day a month before to the date,
 * midnight UTC, whatever the account's billing timing, since calls are always billed after they
 * are made). The included minutes are spent in the order the calls started, the exact charges of
 * the rest are added up in micro-unit-seconds and rounded to cents once, and the line joins the
 * invoice at the voice service's own taxes.
 *
 * Each voice service and period is settled once: a service already settled for the period is
 * left alone, the settlement's unique key refuses a second, and a call takes its settlement only
 * while it has none. A period is settled even with no call, so it is never settled again.
 *
 * A call that comes in after its period was settled (a switch file read late) waits for the next
 * settlement of its service and is billed on that invoice, listed with its own date. It draws on
 * what its own period's included minutes still had, never on a later period's, and is charged
 * for the rest; an issued invoice is never reopened.
 */
@Injectable()
export class VoiceSettlements implements ChargeSource {
  constructor(private readonly catalog: CatalogService) {}

  async plan(em: EntityManager, accountIds: number[], billingDate: string): Promise<ChargePlan> {
    const period = periodClosedBy(billingDate);
    const { first, last } = periodDays(period);
    const services = await this.dueServices(em, accountIds, first, billingDate);
    const ids = services.map((s) => s.accountServiceId);
    const calls = await this.waitingCalls(em, ids, billingDate);
    const earliest = calls.reduce((min, c) => (c.day < min ? c.day : min), first);
    const startOf = periodStarts(billingDate, earliest);
    // What settled calls already drew matters only to a service with late calls, or one settled for a later month
    // first (bill runs out of date order); for the rest the month's whole allowance is there, and nothing is read.
    const laterSettled = await this.settledLater(em, ids, first);
    const drawing = [...new Set(calls.filter((c) => c.day < first).map((c) => c.accountServiceId))];
    const drawn = await this.drawnByPeriod(em, [...new Set([...drawing, ...laterSettled])], startOf.at(-1) as string, billingDate, startOf);
    const catalogServices = await this.catalog.servicesByIds(
      em,
      services.map((s) => s.serviceId),
    );

    const callsOf = new Map<number, WaitingCall[]>();
    for (const c of calls) groupInto(callsOf, c.accountServiceId, c);
    const settlements = services.map((service): Settlement => {
      const settled = settleCalls(
        callsOf.get(service.accountServiceId) ?? [],
        service,
        startOf,
        (periodStart) => drawn.get(drawnKey(service.accountServiceId, periodStart)) ?? 0,
      );
      const totals = totalsOf(settled, callsOf.get(service.accountServiceId) ?? [], first);
      const charge: SourcedCharge | null =
        totals.cents > 0
          ? {
              accountId: service.accountId,
              accountServiceId: service.accountServiceId,
              serviceId: service.serviceId,
              quantity: totals.calls,
              amount: totals.cents,
              taxIds: catalogServices.get(service.serviceId)?.taxIds ?? [],
              description: voiceLineDescription(service.name, totals, first, last),
              periodStart: first,
              periodEnd: last,
            }
          : null;
      return { service, calls: settled, totals, charge };
    });

    return {
      charges: settlements.flatMap((s) => (s.charge ? [s.charge] : [])),
      record: (em2, billed, chargeId) =>
        this.record(
          em2,
          settlements.filter((s) => billed.has(s.service.accountId)),
          { first, last, billingDate },
          chargeId,
        ),
    };
  }

  /** Each voice line's calls, by the line's transaction id, in the order they started, as the invoice's call detail prints them. */
  async lineDetails(em: EntityManager, transactionIds: number[]): Promise<Map<number, InvoiceLineDetail>> {
    const details = new Map<number, InvoiceLineDetail>();
    for (const part of chunks(transactionIds)) {
      const rows: Record<string, unknown>[] = await em.query(
        `SELECT s.transaction_id, DATE_FORMAT(c.started_at, '%Y-%m-%d %H:%i:%s') AS started_at, c.from_number, c.to_number, c.direction,
                c.billed_seconds, c.included_seconds, CAST(c.charge_micro_seconds AS CHAR) AS charge_micro_seconds
           FROM voice_settlements s JOIN voice_calls c ON c.settlement_id = s.id
          WHERE s.transaction_id IN (?)
          ORDER BY s.transaction_id, c.started_at, c.id`,
        [part],
      );
      for (const r of rows) {
        const id = Number(r.transaction_id);
        const detail = details.get(id) ?? { calls: [] };
        (detail.calls as CallDetailDoc[]).push({
          startedAt: r.started_at as string,
          from: r.from_number as string,
          to: r.to_number as string,
          direction: r.direction as CallDirection,
          billedSeconds: Number(r.billed_seconds),
          includedSeconds: Number(r.included_seconds),
          chargeMicroSeconds: r.charge_micro_seconds as string,
        });
        details.set(id, detail);
      }
    }
    return details;
  }

  /**
   * The accounts' voice services that owe a settlement for the period [first, end): on the account
   * for some of it, or removed before it with calls still waiting, and not settled for it yet. A
   * package's voice service is settled through the package's account service, which holds its
   * numbers; a package with two voice services is rated by the first.
   */
  private async dueServices(em: EntityManager, accountIds: number[], first: string, end: string): Promise<DueService[]> {
    if (!accountIds.length) return [];
    const rows: Record<string, unknown>[] = await em.query(
      `SELECT s.id AS account_service_id, s.account_id, v.id AS service_id, v.name, v.included_minutes, v.included_minutes_scope
         FROM account_services s
         LEFT JOIN package_services ps ON s.service_id IS NULL AND ps.package_id = s.package_id
         JOIN services v ON v.id = COALESCE(s.service_id, ps.service_id) AND v.kind = 'voice'
        WHERE s.account_id IN (?) AND s.added_on < ?
          AND (s.removed_on IS NULL OR s.removed_on > ?
               OR EXISTS (SELECT 1 FROM voice_calls c WHERE c.account_service_id = s.id AND c.settlement_id IS NULL AND c.started_at < ?))
          AND NOT EXISTS (SELECT 1 FROM voice_settlements x WHERE x.account_service_id = s.id AND x.period_start = ?)
        ORDER BY s.id, v.id`,
      [accountIds, end, first, end, first],
    );
    const due = new Map<number, DueService>();
    for (const r of rows) {
      const accountServiceId = Number(r.account_service_id);
      if (due.has(accountServiceId)) continue;
      due.set(accountServiceId, {
        accountId: Number(r.account_id),
        accountServiceId,
        serviceId: Number(r.service_id),
        name: r.name as string,
        includedSeconds: Number(r.included_minutes ?? 0) * 60,
        scope: (r.included_minutes_scope as IncludedMinutesScope | null) ?? 'all',
      });
    }
    return [...due.values()];
  }

  /** Every call of these services not settled yet that started before `end`: the period's own, and any that came in late. */
  private async waitingCalls(em: EntityManager, accountServiceIds: number[], end: string): Promise<WaitingCall[]> {
    const calls: WaitingCall[] = [];
    for (const part of chunks(accountServiceIds)) {
      const rows: Record<string, unknown>[] = await em.query(
        `SELECT c.id, c.account_service_id, c.identity, DATE_FORMAT(c.started_at, '%Y-%m-%d %H:%i:%s') AS started_at, c.direction,
                c.billed_seconds, c.rate_micro
           FROM voice_calls c
          WHERE c.account_service_id IN (?) AND c.settlement_id IS NULL AND c.started_at < ?
          ORDER BY c.account_service_id, c.started_at, c.id`,
        [part, end],
      );
      for (const r of rows) {
        const started = r.started_at as string;
        calls.push({
          id: Number(r.id),
          accountServiceId: Number(r.account_service_id),
          identity: r.identity as string,
          start: new Date(`${started.replace(' ', 'T')}Z`),
          day: started.slice(0, 10),
          direction: r.direction as CallDirection,
          billedSeconds: Number(r.billed_seconds),
          rateMicro: Number(r.rate_micro),
        });
      }
    }
    return calls;
  }

  /** Those of the services settled for a month after the one starting on `first`. */
  private async settledLater(em: EntityManager, accountServiceIds: number[], first: string): Promise<number[]> {
    const ids: number[] = [];
    for (const part of chunks(accountServiceIds)) {
      const rows: { account_service_id: number }[] = await em.query(
        'SELECT DISTINCT account_service_id FROM voice_settlements WHERE account_service_id IN (?) AND period_start > ?',
        [part, first],
      );
      ids.push(...rows.map((r) => Number(r.account_service_id)));
    }
    return ids;
  }

  /**
   * Included seconds already spent by settled calls, per service and period, for the periods from
   * `from` to `end`: what a late call's own period has left is its allowance less these.
   */
  private async drawnByPeriod(
    em: EntityManager,
    accountServiceIds: number[],
    from: string,
    end: string,
    startOf: string[],
  ): Promise<Map<string, number>> {
    const drawn = new Map<string, number>();
    for (const part of chunks(accountServiceIds)) {
      const rows: { account_service_id: number; day: string; drawn: string }[] = await em.query(
        `SELECT c.account_service_id, DATE_FORMAT(c.started_at, '%Y-%m-%d') AS day, SUM(c.included_seconds) AS drawn
           FROM voice_calls c
          WHERE c.account_service_id IN (?) AND c.settlement_id IS NOT NULL AND c.included_seconds > 0
            AND c.started_at >= ? AND c.started_at < ?
          GROUP BY c.account_service_id, day`,
        [part, from, end],
      );
      for (const r of rows) {
        const key = drawnKey(Number(r.account_service_id), periodStartOf(r.day, startOf));
        drawn.set(key, (drawn.get(key) ?? 0) + Number(r.drawn));
      }
    }
    return drawn;
  }

  private async record(
    em: EntityManager,
    settlements: Settlement[],
    period: { first: string; last: string; billingDate: string },
    chargeId: (charge: SourcedCharge) => number | undefined,
  ): Promise<void> {
    if (!settlements.length) return;
    const rows = settlements.map((s) => {
      const transactionId = s.charge ? chargeId(s.charge) : undefined;
      if (s.charge && transactionId === undefined) {
        throw new Error(`The calls charge of account service ${s.service.accountServiceId} was not written`);
      }
      const t = s.totals;
      return [
        s.service.accountId,
        s.service.accountServiceId,
        period.first,
        period.last,
        period.billingDate,
        t.calls,
        t.billedSeconds,
        t.includedSeconds,
        t.chargedSeconds,
        t.chargeMicroSeconds.toString(),
        t.cents,
        transactionId ?? null,
      ];
    });
    for (const part of chunks(rows)) {
      await em.query(
        `INSERT INTO voice_settlements (account_id, account_service_id, period_start, period_end, billing_date, calls, billed_seconds,
           included_seconds, charged_seconds, charge_micro_seconds, amount, transaction_id) VALUES ?`,
        [part],
      );
    }
    const withCalls = settlements.filter((s) => s.calls.length);
    if (!withCalls.length) return;
    const settlementIds = new Map<number, number>();
    for (const part of chunks(withCalls.map((s) => s.service.accountServiceId))) {
      const found: { id: number; account_service_id: number }[] = await em.query(
        'SELECT id, account_service_id FROM voice_settlements WHERE account_service_id IN (?) AND period_start = ?',
        [part, period.first],
      );
      for (const r of found) settlementIds.set(Number(r.account_service_id), Number(r.id));
    }
    // Each call's own figures go in by id, many calls a statement: the rows ride in one JSON document joined as a table.
    const figures = withCalls.flatMap((s) =>
      s.calls.map((c) => [
        c.id,
        settlementIds.get(s.service.accountServiceId),
        c.includedSeconds,
        c.chargedSeconds,
        c.chargeMicroSeconds.toString(),
      ]),
    );
    for (const part of chunks(figures, CALL_CHUNK)) {
      const res: { affectedRows: number } = await em.query(
        `UPDATE voice_calls c
           JOIN JSON_TABLE(?, '$[*]' COLUMNS (
                  id BIGINT UNSIGNED PATH '$[0]', settlement_id INT UNSIGNED PATH '$[1]', included_seconds INT UNSIGNED PATH '$[2]',
                  charged_seconds INT UNSIGNED PATH '$[3]', charge_micro_seconds BIGINT UNSIGNED PATH '$[4]')) f ON f.id = c.id
            SET c.settlement_id = f.settlement_id, c.included_seconds = f.included_seconds, c.charged_seconds = f.charged_seconds,
                c.charge_micro_seconds = f.charge_micro_seconds
          WHERE c.settlement_id IS NULL`,
        [JSON.stringify(part)],
      );
      // A call settled by someone else meanwhile would be billed twice: give the whole batch back instead.
      if (res.affectedRows !== part.length) {
        throw new Error(
          `${part.length - res.affectedRows} of ${part.length} calls were settled elsewhere while this bill run settled them`,
        );
      }
    }
  }
}

const drawnKey = (accountServiceId: number, periodStart: string) => `${accountServiceId}/${periodStart}`;

/**
 * The first days of the periods from the one the billing date closes back to the one holding
 * `earliest`, newest first: each is the period an earlier billing date closed, a month apart.
 */
function periodStarts(billingDate: string, earliest: string): string[] {
  const starts: string[] = [];
  for (let k = 0; ; k++) {
    const start = periodDays(periodClosedBy(addMonths(billingDate, -k))).first;
    starts.push(start);
    if (start <= earliest) return starts;
  }
}

/** The first day of the period holding `day`, among `startOf` (newest first, the last at or before every day asked). */
function periodStartOf(day: string, startOf: string[]): string {
  return startOf.find((start) => start <= day) as string;
}

/**
 * Spends the included minutes on one service's waiting calls, period by period: the period's
 * allowance less what settled calls of the period already drew, in the order its calls started.
 */
function settleCalls(
  calls: WaitingCall[],
  service: DueService,
  startOf: string[],
  alreadyDrawn: (periodStart: string) => number,
): SettledCall[] {
  const byPeriod = new Map<string, WaitingCall[]>();
  for (const c of calls) {
    groupInto(byPeriod, periodStartOf(c.day, startOf), c);
  }
  const settled: SettledCall[] = [];
  for (const [periodStart, periodCalls] of [...byPeriod].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const left = Math.max(0, service.includedSeconds - alreadyDrawn(periodStart));
    for (const draw of drawIncludedSeconds(periodCalls, left, service.scope)) {
      settled.push({
        id: draw.call.id,
        includedSeconds: draw.includedSeconds,
        chargedSeconds: draw.chargedSeconds,
        chargeMicroSeconds: chargeMicroSeconds(draw.chargedSeconds, draw.call.rateMicro),
      });
    }
  }
  return settled;
}

/** The line's figures: its calls' exact charges summed, then rounded to cents once. */
function totalsOf(settled: SettledCall[], calls: WaitingCall[], first: string): VoiceLineTotals {
  const billed = calls.reduce((sum, c) => sum + c.billedSeconds, 0);
  const included = settled.reduce((sum, c) => sum + c.includedSeconds, 0);
  const charged = settled.reduce((sum, c) => sum + c.chargedSeconds, 0);
  const micro = settled.reduce((sum, c) => sum + c.chargeMicroSeconds, 0n);
  return {
    calls: settled.length,
    billedSeconds: billed,
    includedSeconds: included,
    chargedSeconds: charged,
    chargeMicroSeconds: micro,
    cents: lineCents(micro),
    late: calls.filter((c) => c.day < first).length,
  };
}
