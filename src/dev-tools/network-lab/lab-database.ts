import { createConnection } from 'mysql2/promise';

/** A MariaDB login and database, as the servers' configuration files want them. */
export interface DatabaseLogin {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** The names this lab creates and drops go into SQL between backticks, so they stay plain. */
export function checkDatabaseName(name: string): string {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new Error(`"${name}" is not a usable database name (letters, digits and _, at most 64)`);
  return name;
}

/**
 * The login of a mysql:// URL. "localhost" becomes 127.0.0.1: the MariaDB client library that
 * FreeRADIUS, Kea and kea-admin use takes "localhost" to mean the default Unix socket, ignoring
 * the port, where mysql2 (and so the rest of Backhaul) connects over TCP to the URL's port.
 */
export function databaseLogin(databaseUrl: string): DatabaseLogin {
  const url = new URL(databaseUrl);
  if (url.protocol !== 'mysql:') throw new Error(`not a mysql:// URL: ${url.protocol}//${url.host}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return {
    host: host === 'localhost' ? '127.0.0.1' : host,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username) || 'root',
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
  };
}

/** The same server and login with another database (the server URL's own database, if any, is ignored). */
export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${checkDatabaseName(name)}`;
  url.search = '';
  return url.toString();
}

/**
 * Creates the database when it is missing (dropping it first with `recreate`), then calls
 * `hasSchema` on a connection to it and `loadSchema` when that says no. Returns its URL.
 */
export async function prepareDatabase(
  serverUrl: string,
  name: string,
  opts: { recreate?: boolean },
  schema: { hasSchema: (tables: string[]) => boolean; loadSchema: (databaseUrl: string) => Promise<void> },
): Promise<string> {
  const databaseUrl = databaseUrlFor(serverUrl, name);
  const server = new URL(databaseUrl);
  server.pathname = '/';
  const conn = await createConnection(server.toString());
  let tables: string[];
  try {
    if (opts.recreate) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\``);
    const [rows] = await conn.query(`SHOW TABLES IN \`${name}\``);
    tables = (rows as Record<string, string>[]).map((row) => Object.values(row)[0]);
  } finally {
    await conn.end();
  }
  if (!schema.hasSchema(tables)) await schema.loadSchema(databaseUrl);
  return databaseUrl;
}
