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
  if (opts.serverUrl) base.pathname = new URL(process.env.DATABASE_URL as string).pathname;
  const name = `${base.pathname.replace(/^\//, '')}_iso_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  if (opts.serverUrl) {
    await runMigrations({ DATABASE_URL: url.toString() });
  } else {
    const template = new URL(templateDatabaseUrl(process.env.DATABASE_URL as string)).pathname.replace(/^\//, '');
    await copyDatabase(url.toString(), template, name);
  }
  const sut = await createTestApp({ ...overrides, DATABASE_URL: url.toString() });
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
