import { createConnection, Connection, RowDataPacket } from 'mysql2/promise';

/**
 * The run's migrated template database: migrations run once, in global set-up, and every
 * database a suite needs of its own is a copy of it, which takes a fraction of the time.
 */
export function templateDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `${url.pathname}_template`;
  return url.toString();
}

const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;

// A copy made by another account (or restored elsewhere) must not need the rights of the original definer.
const withoutDefiner = (ddl: string) => ddl.replace(/\bDEFINER\s*=\s*(`[^`]*`|\S+)@(`[^`]*`|\S+)\s+/i, '');

async function rows<T>(conn: Connection, sql: string, params: unknown[] = []): Promise<T[]> {
  const [result] = await conn.query<RowDataPacket[]>(sql, params);
  return result as T[];
}

/**
 * Creates database `to` as a copy of `from` on the server at serverUrl: tables with their
 * keys and rows, then views, then triggers (after the rows, so no trigger sees the copy).
 */
export async function copyDatabase(serverUrl: string, from: string, to: string): Promise<void> {
  const server = new URL(serverUrl);
  server.pathname = '/';
  const conn = await createConnection(server.toString());
  try {
    const [schema] = await rows<{ cs: string; co: string }>(
      conn,
      'SELECT DEFAULT_CHARACTER_SET_NAME AS cs, DEFAULT_COLLATION_NAME AS co FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
      [from],
    );
    if (!schema) throw new Error(`There is no database ${from} to copy`);
    const tables = await rows<{ name: string }>(
      conn,
      "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
      [from],
    );
    const views = await rows<{ name: string }>(conn, 'SELECT TABLE_NAME AS name FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?', [
      from,
    ]);
    const triggers = await rows<{ name: string }>(
      conn,
      `SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?
       ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER`,
      [from],
    );
    const columns = await rows<{ tableName: string; name: string }>(
      conn,
      `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS name FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = ? AND IS_GENERATED = 'NEVER' ORDER BY TABLE_NAME, ORDINAL_POSITION`,
      [from],
    );

    // Read in the source database, so the definitions name their own tables without a database.
    await conn.query(`USE ${quote(from)}`);
    const tableDdl: string[] = [];
    for (const { name } of tables) {
      const [row] = await rows<{ 'Create Table': string }>(conn, `SHOW CREATE TABLE ${quote(name)}`);
      tableDdl.push(row['Create Table']);
    }
    const viewDdl: string[] = [];
    for (const { name } of views) {
      const [row] = await rows<{ 'Create View': string }>(conn, `SHOW CREATE VIEW ${quote(name)}`);
      viewDdl.push(withoutDefiner(row['Create View']));
    }
    const triggerDdl: { sql: string; sqlMode: string }[] = [];
    for (const { name } of triggers) {
      const [row] = await rows<{ 'SQL Original Statement': string; sql_mode: string }>(conn, `SHOW CREATE TRIGGER ${quote(name)}`);
      triggerDdl.push({ sql: withoutDefiner(row['SQL Original Statement']), sqlMode: row.sql_mode });
    }

    await conn.query(`CREATE DATABASE ${quote(to)} CHARACTER SET ${schema.cs} COLLATE ${schema.co}`);
    await conn.query(`USE ${quote(to)}`);
    const copyRows = tables.map(({ name }) => {
      const list = columns
        .filter((c) => c.tableName === name)
        .map((c) => quote(c.name))
        .join(', ');
      return `INSERT INTO ${quote(name)} (${list}) SELECT ${list} FROM ${quote(from)}.${quote(name)}`;
    });
    await onConnections(server, to, [tableDdl, copyRows]);
    await createViews(conn, viewDdl);
    const [{ mode }] = await rows<{ mode: string }>(conn, 'SELECT @@SESSION.sql_mode AS mode');
    for (const { sql, sqlMode } of triggerDdl) {
      // A trigger keeps the sql_mode it was created under; the copy must behave the same.
      await conn.query('SET SESSION sql_mode = ?', [sqlMode]);
      await conn.query(sql);
    }
    await conn.query('SET SESSION sql_mode = ?', [mode]);
  } finally {
    await conn.end();
  }
}

/**
 * Runs each batch of independent statements (one after the other) over a few connections at once.
 * Creating a table waits on the disk far more than on a CPU, so four at a time take half as long.
 */
async function onConnections(server: URL, database: string, batches: string[][]): Promise<void> {
  const url = new URL(server.toString());
  url.pathname = `/${database}`;
  const conns = await Promise.all(Array.from({ length: COPY_CONNECTIONS }, () => createConnection(url.toString())));
  try {
    await Promise.all(conns.map((c) => c.query('SET SESSION foreign_key_checks = 0')));
    for (const batch of batches) {
      let next = 0;
      await Promise.all(
        conns.map(async (c) => {
          while (next < batch.length) await c.query(batch[next++]);
        }),
      );
    }
  } finally {
    await Promise.all(conns.map((c) => c.end()));
  }
}

const COPY_CONNECTIONS = 4;

/** A view may read another view: each round creates those whose sources exist, until none are left. */
async function createViews(conn: Connection, pending: string[]): Promise<void> {
  while (pending.length) {
    const failed: string[] = [];
    let lastError: unknown;
    for (const ddl of pending) {
      try {
        await conn.query(ddl);
      } catch (err) {
        failed.push(ddl);
        lastError = err;
      }
    }
    if (failed.length === pending.length) throw lastError;
    pending = failed;
  }
}
