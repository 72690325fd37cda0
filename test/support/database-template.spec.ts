import { randomUUID } from 'node:crypto';
import { createConnection, Connection, RowDataPacket } from 'mysql2/promise';
import { copyDatabase, templateDatabaseUrl } from './database-template';

// Suites that need a database of their own get a copy of the run's migrated template instead of
// running the migrations; the copy must be the same database in every respect a test could feel.

const nameOf = (url: string) => new URL(url).pathname.replace(/^\//, '');

async function query<T>(conn: Connection, sql: string, params: unknown[] = []): Promise<T[]> {
  const [rows] = await conn.query<RowDataPacket[]>(sql, params);
  return rows as T[];
}

/** Everything about a database that migrations create, in a form two databases can be compared by. */
async function describeDatabase(conn: Connection, database: string) {
  await conn.query(`USE \`${database}\``);
  const tables = await query<{ name: string; type: string }>(
    conn,
    'SELECT TABLE_NAME AS name, TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME',
    [database],
  );
  const definitions: Record<string, string> = {};
  const checksums: Record<string, string> = {};
  for (const { name, type } of tables) {
    if (type === 'VIEW') {
      const [row] = await query<{ 'Create View': string }>(conn, `SHOW CREATE VIEW \`${name}\``);
      definitions[name] = row['Create View'].replace(/DEFINER=\S+\s+/, '');
    } else {
      const [row] = await query<{ 'Create Table': string }>(conn, `SHOW CREATE TABLE \`${name}\``);
      definitions[name] = row['Create Table'];
      const [sum] = await query<{ Checksum: string }>(conn, `CHECKSUM TABLE \`${name}\``);
      checksums[name] = String(sum.Checksum);
    }
  }
  const triggers = await query(
    conn,
    `SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_ORDER, ACTION_TIMING, ACTION_STATEMENT, SQL_MODE
     FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY TRIGGER_NAME`,
    [database],
  );
  const routines = await query(conn, 'SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?', [database]);
  const events = await query(conn, 'SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?', [database]);
  const [schema] = await query(
    conn,
    'SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
    [database],
  );
  return { schema, definitions, checksums, triggers, routines, events };
}

describe("a copy of the run's migrated template database", () => {
  const databaseUrl = process.env.DATABASE_URL as string;
  const template = nameOf(templateDatabaseUrl(databaseUrl));
  const copy = `${nameOf(databaseUrl)}_copy_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  let conn: Connection;

  beforeAll(async () => {
    const server = new URL(databaseUrl);
    server.pathname = '/';
    conn = await createConnection(server.toString());
    await copyDatabase(databaseUrl, template, copy);
  });

  afterAll(async () => {
    await conn.query(`DROP DATABASE IF EXISTS \`${copy}\``);
    await conn.end();
  });

  it('has the same tables, keys, rows, views and triggers as the template', async () => {
    const original = await describeDatabase(conn, template);
    // The comparison means something only if the template holds what the copy has to reproduce.
    expect(Object.keys(original.checksums).length).toBeGreaterThan(20);
    expect(Object.values(original.definitions).some((ddl) => ddl.includes('FOREIGN KEY'))).toBe(true);
    expect(Object.values(original.checksums).some((sum) => sum !== '0')).toBe(true);
    expect(original.triggers.length).toBeGreaterThan(0);
    expect(Object.values(original.definitions).some((ddl) => ddl.includes(' VIEW '))).toBe(true);

    expect(await describeDatabase(conn, copy)).toEqual(original);
  });

  it('refuses to copy a database that does not exist, naming it', async () => {
    await expect(copyDatabase(databaseUrl, `${copy}_missing`, `${copy}_never`)).rejects.toThrow(
      `There is no database ${copy}_missing to copy`,
    );
  });
});
