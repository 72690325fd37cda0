import { Injectable } from '@nestjs/common';
import type { Pool, RowDataPacket } from 'mysql2/promise';
import { RadiusDatabase } from '../network-sync/radius-database';

/** One state of a `radacct` row, as it was right after FreeRADIUS wrote it. */
export interface AccountingEvent {
  id: number;
  uniqueId: string;
  sessionId: string;
  username: string;
  nasAddress: string;
  framedAddress: string | null;
  startedAt: Date | null;
  updatedAt: Date | null;
  stoppedAt: Date | null;
  /** Octets the subscriber sent (Acct-Input-Octets, gigawords folded in by FreeRADIUS). */
  uploadOctets: bigint;
  /** Octets the subscriber received (Acct-Output-Octets). */
  downloadOctets: bigint;
  stopCause: string | null;
}

const EVENTS_TABLE = 'backhaul_accounting_events';
/** The columns copied from radacct into the log, in order. */
export const ACCOUNTING_EVENT_COLUMNS = [
  'radacctid',
  'acctuniqueid',
  'acctsessionid',
  'username',
  'nasipaddress',
  'framedipaddress',
  'acctstarttime',
  'acctupdatetime',
  'acctstoptime',
  'acctinputoctets',
  'acctoutputoctets',
  'acctterminatecause',
];
const TIME_COLUMNS = ['acctstarttime', 'acctupdatetime', 'acctstoptime'];
const epoch = (seconds: unknown): Date | null => (seconds === null || seconds === undefined ? null : new Date(Number(seconds) * 1000));

/**
 * Every state `radacct` goes through, in the order the server wrote them.
 *
 * FreeRADIUS keeps one `radacct` row per session and overwrites it with each packet: an interim
 * update that arrives late sets the counters back, a Start under a session id seen before keeps the
 * old counters, and two packets between two reads leave only the second. Read as it stands, the
 * table loses traffic or counts it twice. So two triggers copy each row, as it was written, into an
 * append-only table of the same database with an increasing id; the product reads that table from
 * its cursor and owes nothing to the timing of its reads. Installing it needs the TRIGGER privilege
 * on FreeRADIUS's database and changes nothing FreeRADIUS does.
 */
@Injectable()
export class AccountingLog {
  constructor(private readonly radiusDb: RadiusDatabase) {}

  get configured(): boolean {
    return this.radiusDb.configured;
  }

  /** The table and its two triggers; safe to run again (a trigger is replaced by the same one). */
  async install(): Promise<void> {
    const db = this.db();
    await db.query(`CREATE TABLE IF NOT EXISTS ${EVENTS_TABLE} (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      recorded_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      radacctid BIGINT NOT NULL,
      acctuniqueid VARCHAR(32) NOT NULL,
      acctsessionid VARCHAR(64) NOT NULL,
      username VARCHAR(64) NOT NULL,
      nasipaddress VARCHAR(15) NOT NULL,
      framedipaddress VARCHAR(15) NULL,
      -- Seconds since the epoch: FreeRADIUS writes its times in its session's time zone, and
      -- UNIX_TIMESTAMP() in the trigger reads them back in that same zone.
      acctstarttime BIGINT NULL,
      acctupdatetime BIGINT NULL,
      acctstoptime BIGINT NULL,
      acctinputoctets BIGINT NULL,
      acctoutputoctets BIGINT NULL,
      acctterminatecause VARCHAR(32) NULL,
      KEY ix_recorded_at (recorded_at)
    ) ENGINE=InnoDB`);
    const value = (c: string) => (TIME_COLUMNS.includes(c) ? `UNIX_TIMESTAMP(NEW.${c})` : `NEW.${c}`);
    const copy = `INSERT INTO ${EVENTS_TABLE} (${ACCOUNTING_EVENT_COLUMNS.join(', ')}) VALUES (${ACCOUNTING_EVENT_COLUMNS.map(value).join(', ')})`;
    for (const [name, event] of [
      ['backhaul_radacct_inserted', 'INSERT'],
      ['backhaul_radacct_updated', 'UPDATE'],
    ]) {
      await db.query(`DROP TRIGGER IF EXISTS ${name}`);
      await db.query(`CREATE TRIGGER ${name} AFTER ${event} ON radacct FOR EACH ROW ${copy}`);
    }
  }

  /**
   * Events after `cursor`, oldest first, written at least `settleSeconds` ago: ids are handed out
   * when a statement starts and become visible when it commits, so a younger id may show before an
   * older one; waiting a moment lets the older one land first.
   */
  async after(cursor: number, limit: number, settleSeconds = 2): Promise<AccountingEvent[]> {
    const [rows] = await this.db().query<RowDataPacket[]>(
      `SELECT id, ${ACCOUNTING_EVENT_COLUMNS.join(', ')} FROM ${EVENTS_TABLE}
        WHERE id > ? AND recorded_at <= NOW(3) - INTERVAL ? SECOND ORDER BY id LIMIT ?`,
      [cursor, settleSeconds, limit],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      uniqueId: r.acctuniqueid,
      sessionId: r.acctsessionid,
      username: r.username,
      nasAddress: r.nasipaddress,
      framedAddress: r.framedipaddress || null,
      startedAt: epoch(r.acctstarttime),
      updatedAt: epoch(r.acctupdatetime),
      stoppedAt: epoch(r.acctstoptime),
      uploadOctets: BigInt(r.acctinputoctets ?? 0),
      downloadOctets: BigInt(r.acctoutputoctets ?? 0),
      stopCause: r.acctterminatecause || null,
    }));
  }

  /** Events up to `cursor` have been counted; those older than a day go (the day is for looking into one). */
  async prune(cursor: number): Promise<void> {
    await this.db().query(`DELETE FROM ${EVENTS_TABLE} WHERE id <= ? AND recorded_at < NOW(3) - INTERVAL 1 DAY`, [cursor]);
  }

  private db(): Pool {
    return this.radiusDb.pool();
  }
}
