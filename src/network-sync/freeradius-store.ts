import { Injectable } from '@nestjs/common';
import type { PoolConnection } from 'mysql2/promise';
import { isDeadlock } from '../database/transaction';
import { RadiusDatabase } from './radius-database';
import { pairKey, RadiusGroupState, RadiusPair, RadiusUserState } from './radius-state';

/** One row added to or removed from the RADIUS server's tables, for the report of a sync or a repair. */
export interface RadiusRowChange {
  change: 'added' | 'removed';
  table: 'radcheck' | 'radreply' | 'radusergroup' | 'radgroupreply';
  name: string;
  attribute: string;
  /** The value, except a password's, which is never reported. */
  value: string;
}

interface StoredRow extends RadiusPair {
  id: number;
  table: RadiusRowChange['table'];
  owner: string;
}

const USER_TABLES = ['radcheck', 'radreply'] as const;

/** A row of FreeRADIUS's `nas` table. */
export interface NasClient {
  nasname: string;
  shortname: string;
  type: string;
  secret: string;
  description: string;
}

/** A check attribute's value is a password in some form; the report says that it changed, not what to. */
const shown = (table: string, pair: RadiusPair): string =>
  table === 'radcheck' && pair.attribute.endsWith('-Password') ? '(secret)' : pair.value;

/**
 * FreeRADIUS's own SQL tables, in the database its rlm_sql reads. Each write brings the rows of the
 * named users and groups to exactly what they should be: it reads what is there, removes what should
 * not be, adds what is missing, and leaves the rest alone, so applying the same state twice changes
 * nothing the second time, and hand-made drift in those rows is undone.
 */
@Injectable()
export class FreeradiusStore {
  constructor(private readonly radiusDb: RadiusDatabase) {}

  get configured(): boolean {
    return this.radiusDb.configured;
  }

  /** Brings the named users (gone ones: to nothing) and groups to the given state, in one transaction. */
  async apply(users: RadiusUserState[], removedUsernames: string[], groups: RadiusGroupState[]): Promise<RadiusRowChange[]> {
    const names = [...new Set([...users.map((u) => u.username), ...removedUsernames])];
    if (!names.length && !groups.length) return [];
    // Passes of accounts sharing a speed group meet on its rows and the gaps around them; InnoDB
    // rolls one back whole, and running it again is the remedy, here rather than as a failed try.
    for (let attempt = 1; ; attempt++) {
      const connection = await this.connection();
      try {
        await connection.beginTransaction();
        const changes = await this.applyIn(connection, names, users, groups);
        await connection.commit();
        return changes;
      } catch (err) {
        await connection.rollback().catch(() => undefined);
        if (attempt >= 5 || !isDeadlock(err)) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
      } finally {
        connection.release();
      }
    }
  }

  /** Every username and group the server holds rows for, for the reconciliation to compare. */
  async allNames(): Promise<{ usernames: string[]; groups: string[] }> {
    const pool = this.radiusDb.pool();
    const [users] = await pool.query(
      'SELECT username FROM radcheck UNION SELECT username FROM radreply UNION SELECT username FROM radusergroup',
    );
    const [groups] = await pool.query('SELECT groupname FROM radgroupreply UNION SELECT groupname FROM radusergroup');
    return {
      usernames: (users as { username: string }[]).map((r) => r.username),
      groups: (groups as { groupname: string }[]).map((r) => r.groupname),
    };
  }

  /**
   * The server's `nas` table becomes the NAS devices: the clients FreeRADIUS takes requests from
   * when it reads its clients from SQL (`read_clients = yes`, at its start).
   */
  async applyNas(devices: NasClient[]): Promise<string[]> {
    const connection = await this.connection();
    try {
      await connection.beginTransaction();
      const [rows] = await connection.query('SELECT id, nasname, shortname, type, secret, description FROM nas FOR UPDATE');
      const stored = rows as (NasClient & { id: number })[];
      const key = (n: NasClient) => JSON.stringify([n.nasname, n.shortname, n.type, n.secret, n.description]);
      const wanted = new Set(devices.map(key));
      const have = new Set(stored.map(key));
      const changes: string[] = [];
      for (const row of stored.filter((r) => !wanted.has(key(r)))) {
        await connection.query('DELETE FROM nas WHERE id = ?', [row.id]);
        changes.push(`removed nas ${row.nasname}`);
      }
      for (const device of devices.filter((d) => !have.has(key(d)))) {
        await connection.query('INSERT INTO nas (nasname, shortname, type, secret, description) VALUES (?, ?, ?, ?, ?)', [
          device.nasname,
          device.shortname,
          device.type,
          device.secret,
          device.description,
        ]);
        changes.push(`added nas ${device.nasname}`);
      }
      await connection.commit();
      return changes;
    } catch (err) {
      await connection.rollback().catch(() => undefined);
      throw err;
    } finally {
      connection.release();
    }
  }

  private async applyIn(
    connection: PoolConnection,
    names: string[],
    users: RadiusUserState[],
    groups: RadiusGroupState[],
  ): Promise<RadiusRowChange[]> {
    const stored: StoredRow[] = [];
    if (names.length) {
      for (const table of USER_TABLES) {
        const [rows] = await connection.query(
          `SELECT id, username AS owner, attribute, op, value FROM ${table} WHERE username IN (?) FOR UPDATE`,
          [names],
        );
        stored.push(...(rows as StoredRow[]).map((r) => ({ ...r, table })));
      }
      const [memberships] = await connection.query(
        `SELECT id, username AS owner, 'Group' AS attribute, '' AS op, groupname AS value FROM radusergroup WHERE username IN (?) FOR UPDATE`,
        [names],
      );
      stored.push(...(memberships as StoredRow[]).map((r) => ({ ...r, table: 'radusergroup' as const })));
    }
    if (groups.length) {
      const [rows] = await connection.query(
        'SELECT id, groupname AS owner, attribute, op, value FROM radgroupreply WHERE groupname IN (?) FOR UPDATE',
        [groups.map((g) => g.name)],
      );
      stored.push(...(rows as StoredRow[]).map((r) => ({ ...r, table: 'radgroupreply' as const })));
    }

    const wanted: Omit<StoredRow, 'id'>[] = [];
    for (const user of users) {
      wanted.push(...user.checks.map((p) => ({ ...p, table: 'radcheck' as const, owner: user.username })));
      wanted.push(...user.replies.map((p) => ({ ...p, table: 'radreply' as const, owner: user.username })));
      wanted.push(
        ...user.groups.map((g) => ({ attribute: 'Group', op: '', value: g, table: 'radusergroup' as const, owner: user.username })),
      );
    }
    for (const group of groups) wanted.push(...group.replies.map((p) => ({ ...p, table: 'radgroupreply' as const, owner: group.name })));

    // Multisets: a duplicate row made by hand is drift too, and one copy of it goes.
    const remaining = new Map<string, number>();
    for (const row of wanted)
      remaining.set(pairKey(row.table, row.owner, row), (remaining.get(pairKey(row.table, row.owner, row)) ?? 0) + 1);
    const surplus: StoredRow[] = [];
    for (const row of stored) {
      const key = pairKey(row.table, row.owner, row);
      const left = remaining.get(key) ?? 0;
      if (left > 0) remaining.set(key, left - 1);
      else surplus.push(row);
    }
    const missing = wanted.filter((row) => {
      const key = pairKey(row.table, row.owner, row);
      const left = remaining.get(key) ?? 0;
      if (left === 0) return false;
      remaining.set(key, left - 1);
      return true;
    });

    for (const row of surplus) await connection.query(`DELETE FROM ${row.table} WHERE id = ?`, [row.id]);
    for (const row of missing) {
      if (row.table === 'radusergroup') {
        await connection.query('INSERT INTO radusergroup (username, groupname, priority) VALUES (?, ?, 1)', [row.owner, row.value]);
      } else {
        const ownerColumn = row.table === 'radgroupreply' ? 'groupname' : 'username';
        await connection.query(`INSERT INTO ${row.table} (${ownerColumn}, attribute, op, value) VALUES (?, ?, ?, ?)`, [
          row.owner,
          row.attribute,
          row.op,
          row.value,
        ]);
      }
    }
    return [
      ...surplus.map((row) => ({
        change: 'removed' as const,
        table: row.table,
        name: row.owner,
        attribute: row.attribute,
        value: shown(row.table, row),
      })),
      ...missing.map((row) => ({
        change: 'added' as const,
        table: row.table,
        name: row.owner,
        attribute: row.attribute,
        value: shown(row.table, row),
      })),
    ];
  }

  private async connection(): Promise<PoolConnection> {
    return this.radiusDb.pool().getConnection();
  }
}
