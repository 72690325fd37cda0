import type { AppConfig } from '../../src/config/app-config';
import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { runMigrations } from '../../src/database/migrate';
import { copyDatabase, templateDatabaseUrl } from './database-template';
import { createTestApp, TestApp } from './test-app';

/**
 * A test app on its own freshly migrated database, dropped on close. For tests
 * that change system-wide state other test files would feel, such as closing
 * an accounting period. On the run's own server the database is a copy of the
 * run's migrated template; on another server (a test's private MariaDB) the
 * migrations run there.
 */
export async function createIsolatedTestApp(
  overrides: Partial<Record<keyof AppConfig, string>> = {},
  opts: { serverUrl?: string } = {},
): Promise<TestApp> {
  const base = new URL(opts.serverUrl ?? (process.env.DATABASE_URL as string));
  let name: string;
  if (opts.serverUrl) {
    base.pathname = new URL(process.env.DATABASE_URL as string).pathname;
    name = isolatedName(base);
    await runMigrations({ DATABASE_URL: databaseUrl(base, name) });
  } else {
    name = await (spareCopy ?? copyOfTemplate(base));
    spareCopy = null;
    // In a full run a test file holds many suites (test/support/spec-group.ts): the next one that
    // asks for a database of its own finds it made while this one ran.
    if (process.env.TEST_SPEC_GROUPS === '1') {
      spareCopy = copyOfTemplate(base);
      spareCopy.catch(() => undefined);
    }
  }
  const url = new URL(databaseUrl(base, name));
  // Another server is reached at its URL alone, not through the run's server's socket.
  const sut = await createTestApp({ ...overrides, DATABASE_URL: url.toString(), ...(opts.serverUrl && { DATABASE_SOCKET: '' }) });
  return {
    ...sut,
    close: async () => {
      await sut.close();
      const server = new URL(base.toString());
      server.pathname = '/';
      const conn = await createConnection(server.toString());
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}

/**
 * A copy of the run's template made ahead of need: copying waits on the disk while the suite
 * before runs its tests. Left unused when no later suite in the file asks; the run's clean-up
 * drops it with the run's other databases.
 */
let spareCopy: Promise<string> | null = null;

const isolatedName = (base: URL) => `${base.pathname.replace(/^\//, '')}_iso_${randomUUID().replace(/-/g, '').slice(0, 8)}`;

function databaseUrl(base: URL, name: string): string {
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return url.toString();
}

async function copyOfTemplate(base: URL): Promise<string> {
  const name = isolatedName(base);
  const template = new URL(templateDatabaseUrl(base.toString())).pathname.replace(/^\//, '');
  await copyDatabase(databaseUrl(base, name), template, name);
  await takeOwnIdRange(base, name);
  return name;
}

/** The tables whose row ids name workflows (workflowIds in workflows/shared.ts): network-sync/<account id>, for one. */
const ROW_KEYED_WORKFLOW_TABLES = [
  'accounts',
  'audit_exports',
  'contract_signing_requests',
  'dhcp_servers',
  'emails',
  'jobs',
  'network_reconciliations',
  'scheduled_events',
  'tickets',
];

/** Rows per isolated database before its ids would reach the next one's range. */
const IDS_PER_DATABASE = 10_000_000;

/**
 * Workflows keyed by a row's id (an email's delivery, a scheduled event, a processor
 * event) all live in the run's one Temporal namespace, while every copy of the
 * template would number its rows from 1: two databases would start the same
 * workflow id, and the second start would be refused as already started. Each
 * isolated database therefore numbers those rows from a range of its own, handed
 * out by a counter the run's clean-up drops with its other databases.
 */
async function takeOwnIdRange(runUrl: URL, name: string): Promise<void> {
  const runDatabase = runUrl.pathname.replace(/^\//, '');
  const server = new URL(runUrl.toString());
  server.pathname = '/';
  const conn = await createConnection(server.toString());
  try {
    const counter = `\`${runDatabase}_id_ranges\``;
    await conn.query(`CREATE DATABASE IF NOT EXISTS ${counter}`);
    await conn.query(`CREATE TABLE IF NOT EXISTS ${counter}.ranges (n INT UNSIGNED AUTO_INCREMENT PRIMARY KEY, db VARCHAR(128) NOT NULL)`);
    const [taken] = (await conn.query(`INSERT INTO ${counter}.ranges (db) VALUES (?)`, [name])) as unknown as [{ insertId: number }];
    const [tables] = (await conn.query(
      `SELECT TABLE_NAME AS t FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = ? AND EXTRA LIKE '%auto_increment%' AND TABLE_NAME IN (?)`,
      [name, ROW_KEYED_WORKFLOW_TABLES],
    )) as unknown as [{ t: string }[]];
    for (const { t } of tables) {
      await conn.query(`ALTER TABLE \`${name}\`.\`${t}\` AUTO_INCREMENT = ${Number(taken.insertId) * IDS_PER_DATABASE}`);
    }
  } finally {
    await conn.end();
  }
}
