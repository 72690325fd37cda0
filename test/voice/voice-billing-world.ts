import { randomUUID } from 'node:crypto';
import { billedSeconds } from '../../src/voice/billed-duration';
import { RateDeck, type RateDeckRow } from '../../src/voice/rate-deck';
import type { BillingWorld } from '../billing/billing-world';

export interface DeckLine {
  prefix: string;
  direction: RateDeckRow['direction'];
  /** Micro-units a minute: a cent is 10,000. */
  rateMicro: number;
  minimum: number;
  increment: number;
}

export interface VoiceServiceSetup {
  name: string;
  /** The monthly fee, in cents. */
  price: number;
  taxIds?: number[];
  includedMinutes: number;
  scope: 'all' | 'outbound';
  deck: DeckLine[];
}

export interface CallLine {
  identity: string;
  /** UTC, `YYYY-MM-DD HH:MM:SS`. */
  start: string;
  direction: RateDeckRow['direction'];
  from: string;
  to: string;
  /** Talk time, seconds. */
  duration: number;
}

export interface StoredCall {
  id: number;
  prefix: string;
  billedSeconds: number;
  rateMicro: number;
}

/**
 * Voice billing's test scenery, written straight into the tables as the voice backend keeps them:
 * a rate plan and its deck, a catalog service of kind voice, numbers held by an account service,
 * and calls rated by the project's own rating core (longest prefix, minimum and increments) as the
 * switch-file import rates them.
 */
export class VoiceBillingWorld {
  private deck = new RateDeck([]);
  private readonly rateIds = new Map<string, number>();
  private fileId = 0;
  private line = 0;
  private readonly dids = new Map<string, number>();

  constructor(private readonly w: BillingWorld) {}

  private get db() {
    return this.w.sut.db;
  }

  /** A voice service in the catalog, made through the API as a monthly service and then given its rate plan and included minutes. */
  async voiceService(setup: VoiceServiceSetup): Promise<number> {
    const serviceId = await this.w.service(setup.price, { taxIds: setup.taxIds ?? [], name: setup.name });
    const plan = await this.db.query('INSERT INTO voice_rate_plans (name) VALUES (?)', [`${setup.name} ${randomUUID().slice(0, 8)}`]);
    for (const d of setup.deck) {
      const res = await this.db.query(
        `INSERT INTO voice_rates (rate_plan_id, direction, prefix, description, rate_micro, minimum_seconds, increment_seconds)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [plan.insertId, d.direction, d.prefix, `${d.direction} ${d.prefix}`, d.rateMicro, d.minimum, d.increment],
      );
      this.rateIds.set(`${d.direction}:${d.prefix}`, Number(res.insertId));
    }
    this.deck = new RateDeck(
      setup.deck.map((d) => ({
        prefix: d.prefix,
        description: `${d.direction} ${d.prefix}`,
        direction: d.direction,
        ratePerMinuteMicro: d.rateMicro,
        minimumSeconds: d.minimum,
        incrementSeconds: d.increment,
      })),
    );
    await this.db.query(
      `UPDATE services SET kind = 'voice', voice_rate_plan_id = ?, included_minutes = ?, included_minutes_scope = ? WHERE id = ?`,
      [plan.insertId, setup.includedMinutes, setup.scope, serviceId],
    );
    return serviceId;
  }

  /** A number held by the account service from `at` on. */
  async did(accountId: number, accountServiceId: number, number: string, at: string): Promise<number> {
    const did = await this.db.query(`INSERT INTO dids (number, state, account_service_id) VALUES (?, 'assigned', ?)`, [
      number,
      accountServiceId,
    ]);
    await this.db.query('INSERT INTO did_assignments (did_id, account_id, account_service_id, assigned_at) VALUES (?, ?, ?, ?)', [
      did.insertId,
      accountId,
      accountServiceId,
      at,
    ]);
    this.dids.set(number, Number(did.insertId));
    return Number(did.insertId);
  }

  /** The deck's row and billed seconds for a call, as the import would rate it. */
  rate(call: CallLine): { prefix: string; billedSeconds: number; rateMicro: number } {
    const row = this.deck.rateFor(call.direction, call.to, new Date(`${call.start.replace(' ', 'T')}Z`));
    if (!row) throw new Error(`no ${call.direction} rate for +${call.to}`);
    return { prefix: row.prefix, billedSeconds: billedSeconds(call.duration, row), rateMicro: row.ratePerMinuteMicro };
  }

  /** Calls as a switch file brought them in: one file row, then one call row each, rated now. */
  async calls(accountId: number, accountServiceId: number, calls: CallLine[]): Promise<Map<string, StoredCall>> {
    const file = await this.db.query(
      `INSERT INTO voice_cdr_files (name, source, format, options, sha256, byte_size, stored_path, status, lines_read, calls_recorded)
       VALUES (?, 'upload', 'generic', '{}', ?, 0, ?, 'imported', ?, ?)`,
      [
        `calls-${++this.fileId}.csv`,
        randomUUID().replace(/-/g, '').padEnd(64, '0'),
        `/tmp/calls-${this.fileId}.csv`,
        calls.length,
        calls.length,
      ],
    );
    const stored = new Map<string, StoredCall>();
    for (const call of calls) {
      const rated = this.rate(call);
      const subscriber = call.direction === 'outbound' ? call.from : call.to;
      const didId = this.dids.get(subscriber);
      if (didId === undefined) throw new Error(`+${subscriber} is not one of the test's numbers`);
      const res = await this.db.query(
        `INSERT INTO voice_calls (identity_hash, identity, file_id, line_no, account_id, account_service_id, did_id, direction, started_at,
           from_number, to_number, duration_seconds, billed_seconds, rate_id, rate_prefix, rate_micro)
         VALUES (UNHEX(SHA2(?, 256)), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          call.identity,
          call.identity,
          file.insertId,
          ++this.line,
          accountId,
          accountServiceId,
          didId,
          call.direction,
          call.start,
          call.from,
          call.to,
          call.duration,
          rated.billedSeconds,
          this.rateIds.get(`${call.direction}:${rated.prefix}`),
          rated.prefix,
          rated.rateMicro,
        ],
      );
      stored.set(call.identity, { id: Number(res.insertId), ...rated });
    }
    return stored;
  }

  /** Each call's settled figures, by identity. */
  async settledCalls(
    accountServiceId: number,
  ): Promise<Map<string, { settlementId: number | null; included: number | null; charged: number | null; charge: string | null }>> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT identity, settlement_id, included_seconds, charged_seconds, CAST(charge_micro_seconds AS CHAR) AS charge
         FROM voice_calls WHERE account_service_id = ? ORDER BY started_at, id`,
      [accountServiceId],
    );
    return new Map(
      rows.map((r) => [
        r.identity as string,
        {
          settlementId: r.settlement_id === null ? null : Number(r.settlement_id),
          included: r.included_seconds === null ? null : Number(r.included_seconds),
          charged: r.charged_seconds === null ? null : Number(r.charged_seconds),
          charge: (r.charge as string | null) ?? null,
        },
      ]),
    );
  }

  /** The service's settlements, oldest period first, with the exact charge as a decimal string. */
  async settlements(accountServiceId: number): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT id, DATE_FORMAT(period_start, '%Y-%m-%d') AS period_start, DATE_FORMAT(period_end, '%Y-%m-%d') AS period_end,
              DATE_FORMAT(billing_date, '%Y-%m-%d') AS billing_date, calls, billed_seconds, included_seconds, charged_seconds,
              CAST(charge_micro_seconds AS CHAR) AS charge_micro_seconds, amount, transaction_id
         FROM voice_settlements WHERE account_service_id = ? ORDER BY period_start`,
      [accountServiceId],
    );
    return rows.map((r) => ({
      ...r,
      id: Number(r.id),
      calls: Number(r.calls),
      billed_seconds: Number(r.billed_seconds),
      included_seconds: Number(r.included_seconds),
      charged_seconds: Number(r.charged_seconds),
      amount: Number(r.amount),
      transaction_id: r.transaction_id === null ? null : Number(r.transaction_id),
    }));
  }
}
