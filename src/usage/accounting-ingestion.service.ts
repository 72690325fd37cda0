import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { transactionWithRetry } from '../database/transaction';
import { UsageCapWatch } from '../network-sync/usage-cap-watch';
import { AccountingEvent, AccountingLog } from './accounting-log';

/** Events counted per transaction. */
export const INGESTION_BATCH = 1000;

interface SessionRun {
  /** Its usage_sessions row, once it has one: the row is then written by its primary key. */
  id: string | null;
  uniqueId: string;
  startedAt: Date;
  sessionId: string;
  username: string;
  nasAddress: string;
  framedAddress: string | null;
  lastSeenAt: Date;
  stoppedAt: Date | null;
  stopCause: string | null;
  upload: bigint;
  download: bigint;
}

export interface IngestionReport {
  events: number;
  lastEventId: number;
}

const runKey = (uniqueId: string, startedAt: Date) => `${uniqueId}@${startedAt.getTime()}`;
const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
const larger = (a: bigint, b: bigint) => (a > b ? a : b);

/**
 * Reads RADIUS accounting into usage: per session run, and per account and hour.
 *
 * Counters in accounting are totals since the session began, so each event adds only what its
 * totals exceed the highest seen for the run: a duplicate adds nothing, a late interim update
 * (lower totals) adds nothing, and the next one adds what was new since the highest. A Start, or
 * a row whose update time is still its start time, carries no traffic of its own (a Start under a
 * session id seen before keeps the previous run's counters in the row), so it opens the run at
 * zero. Traffic goes to the hour of the event that reported it.
 *
 * Each batch (the events, the runs, the hours and the cursor) is one transaction, and counting an
 * event again changes nothing: a worker killed anywhere loses nothing and counts nothing twice.
 */
@Injectable()
export class AccountingIngestionService {
  private logInstalled = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: AccountingLog,
    private readonly capWatch: UsageCapWatch,
  ) {}

  /** Counts the next batch of events after the cursor; nothing when no RADIUS database is configured. */
  async ingestBatch(opts: { settleSeconds?: number; onEventsRead?: () => void } = {}): Promise<IngestionReport> {
    if (!this.log.configured) return { events: 0, lastEventId: 0 };
    if (!this.logInstalled) {
      await this.log.install();
      this.logInstalled = true;
    }
    const [{ last_event_id: cursor }] = await this.db.query('SELECT last_event_id FROM usage_ingestion WHERE id = 1');
    const events = await this.log.after(Number(cursor), INGESTION_BATCH, opts.settleSeconds);
    opts.onEventsRead?.();
    if (!events.length) return { events: 0, lastEventId: Number(cursor) };
    const lastEventId = events[events.length - 1].id;
    const capped = await transactionWithRetry(this.db, async (em) => {
      // The cursor's row is the ingestion's lock: two workers never count one batch side by side.
      const [locked]: { last_event_id: number }[] = await em.query('SELECT last_event_id FROM usage_ingestion WHERE id = 1 FOR UPDATE');
      const fresh = events.filter((e) => e.id > Number(locked.last_event_id));
      // What was counted may take an account over a cap that slows its sessions: found, and its
      // change recorded, with the usage that caused it.
      const reached = fresh.length ? await this.capWatch.accountingCounted(em, await this.count(em, fresh)) : [];
      await em.query(
        'UPDATE usage_ingestion SET last_event_id = GREATEST(last_event_id, ?), events_counted = events_counted + ?, updated_at = NOW(3) WHERE id = 1',
        [lastEventId, fresh.length],
      );
      return reached;
    });
    await this.capWatch.kick(capped);
    await this.log.prune(lastEventId);
    return { events: events.length, lastEventId };
  }

  /** Counts the events into runs and hours; returns the octets counted per account. */
  private async count(em: EntityManager, events: AccountingEvent[]): Promise<Map<number, bigint>> {
    const runs = await this.runsOf(em, events);
    const hours = new Map<string, { accountUsername: string; hour: Date; upload: bigint; download: bigint }>();
    const touched = new Set<string>();
    for (const event of events) {
      const startedAt = event.startedAt ?? event.stoppedAt ?? event.updatedAt;
      if (!startedAt) continue;
      const key = runKey(event.uniqueId, startedAt);
      const seenAt = event.stoppedAt ?? event.updatedAt ?? startedAt;
      let run = runs.get(key);
      if (!run) {
        run = {
          id: null,
          uniqueId: event.uniqueId,
          startedAt,
          sessionId: event.sessionId,
          username: event.username,
          nasAddress: event.nasAddress,
          framedAddress: event.framedAddress,
          lastSeenAt: seenAt,
          stoppedAt: null,
          stopCause: null,
          upload: 0n,
          download: 0n,
        };
        runs.set(key, run);
      }
      touched.add(key);
      const opening = event.stoppedAt === null && (event.updatedAt === null || event.updatedAt.getTime() === startedAt.getTime());
      if (!opening) {
        const upload = event.uploadOctets > run.upload ? event.uploadOctets - run.upload : 0n;
        const download = event.downloadOctets > run.download ? event.downloadOctets - run.download : 0n;
        if (upload || download) {
          const hour = hourOf(seenAt);
          const hourKey = `${event.username.toLowerCase()}@${hour.getTime()}`;
          const sum = hours.get(hourKey) ?? { accountUsername: event.username, hour, upload: 0n, download: 0n };
          sum.upload += upload;
          sum.download += download;
          hours.set(hourKey, sum);
        }
        run.upload = larger(run.upload, event.uploadOctets);
        run.download = larger(run.download, event.downloadOctets);
      }
      if (seenAt > run.lastSeenAt) run.lastSeenAt = seenAt;
      if (event.stoppedAt) {
        run.stoppedAt = event.stoppedAt;
        run.stopCause = event.stopCause;
      }
      if (event.framedAddress) run.framedAddress = event.framedAddress;
    }
    const accounts = await this.accountsOf(em, [...new Set([...runs.values()].map((r) => r.username.toLowerCase()))]);
    // Rows known by their id hit their primary key at once (no new row tried and undone on the run's
    // unique key, no id spent); in id order, so the batch walks the table one way and locks in one order.
    const changed = [...touched]
      .map((k) => runs.get(k) as SessionRun)
      .sort((a, b) => (a.id === null ? (b.id === null ? 0 : 1) : b.id === null ? -1 : Number(BigInt(a.id) - BigInt(b.id))));
    await em.query(
      `INSERT INTO usage_sessions (id, unique_id, started_at, session_id, username, account_id, nas_address, framed_address,
         last_seen_at, stopped_at, stop_cause, upload_octets, download_octets) VALUES ?
       ON DUPLICATE KEY UPDATE framed_address = VALUES(framed_address), last_seen_at = VALUES(last_seen_at),
         stopped_at = VALUES(stopped_at), stop_cause = VALUES(stop_cause),
         upload_octets = VALUES(upload_octets), download_octets = VALUES(download_octets)`,
      [
        changed.map((r) => [
          r.id,
          r.uniqueId,
          r.startedAt,
          r.sessionId,
          r.username,
          accounts.get(r.username.toLowerCase()) ?? null,
          r.nasAddress,
          r.framedAddress,
          r.lastSeenAt,
          r.stoppedAt,
          r.stopCause,
          r.upload.toString(),
          r.download.toString(),
        ]),
      ],
    );
    // In the table's own order (account, hour): neighbouring rows share pages, and locks are taken in one order.
    const counted = [...hours.values()]
      .filter((h) => accounts.has(h.accountUsername.toLowerCase()))
      .map((h) => ({ ...h, accountId: accounts.get(h.accountUsername.toLowerCase()) as number }))
      .sort((a, b) => a.accountId - b.accountId || a.hour.getTime() - b.hour.getTime());
    if (counted.length) {
      await em.query(
        `INSERT INTO usage_hours (account_id, hour_start, upload_octets, download_octets) VALUES ?
         ON DUPLICATE KEY UPDATE upload_octets = upload_octets + VALUES(upload_octets), download_octets = download_octets + VALUES(download_octets)`,
        [counted.map((h) => [h.accountId, h.hour, h.upload.toString(), h.download.toString()])],
      );
    }
    const perAccount = new Map<number, bigint>();
    for (const h of counted) perAccount.set(h.accountId, (perAccount.get(h.accountId) ?? 0n) + h.upload + h.download);
    return perAccount;
  }

  /** The runs the events belong to, as counted so far, locked for this batch. */
  private async runsOf(em: EntityManager, events: AccountingEvent[]): Promise<Map<string, SessionRun>> {
    const runs = new Map<string, SessionRun>();
    const ids = [...new Set(events.map((e) => e.uniqueId))];
    const rows: Record<string, unknown>[] = await em.query('SELECT * FROM usage_sessions WHERE unique_id IN (?) FOR UPDATE', [ids]);
    for (const r of rows) {
      const startedAt = r.started_at as Date;
      runs.set(runKey(r.unique_id as string, startedAt), {
        id: String(r.id),
        uniqueId: r.unique_id as string,
        startedAt,
        sessionId: r.session_id as string,
        username: r.username as string,
        nasAddress: r.nas_address as string,
        framedAddress: (r.framed_address as string | null) ?? null,
        lastSeenAt: r.last_seen_at as Date,
        stoppedAt: (r.stopped_at as Date | null) ?? null,
        stopCause: (r.stop_cause as string | null) ?? null,
        upload: BigInt(r.upload_octets as string | number),
        download: BigInt(r.download_octets as string | number),
      });
    }
    return runs;
  }

  /** The account of each username (lower-cased), as RADIUS compares them. */
  private async accountsOf(em: EntityManager, usernames: string[]): Promise<Map<string, number>> {
    if (!usernames.length) return new Map();
    const rows: { username: string; account_id: number }[] = await em.query(
      'SELECT username, account_id FROM radius_accounts WHERE username IN (?)',
      [usernames],
    );
    return new Map(rows.map((r) => [r.username.toLowerCase(), Number(r.account_id)]));
  }
}
