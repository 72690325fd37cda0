import * as mysql2 from 'mysql2';
import type { Pool, PoolConnection, PoolOptions } from 'mysql2';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { AfterCommitSubscriber } from './after-commit';
import { migrations } from './migrations';
import { SESSION_ISOLATION } from './transaction';

/**
 * Every session refuses what validation should already have refused: a zero or
 * impossible date, a string too long for its column, a division by zero. The
 * server's own default differs between MariaDB and MySQL and between installs,
 * so the application sets the mode itself instead of trusting it.
 */
export const STRICT_SQL_MODE = [
  'STRICT_ALL_TABLES',
  'STRICT_TRANS_TABLES',
  'NO_ZERO_DATE',
  'NO_ZERO_IN_DATE',
  'ERROR_FOR_DIVISION_BY_ZERO',
  'NO_ENGINE_SUBSTITUTION',
].join(',');

/**
 * mysql2 with one change: each pooled connection sets the strict mode and the
 * isolation level (READ COMMITTED, see transaction.ts) as its first commands. The
 * pool emits "connection" before handing a new connection to anyone, and commands
 * on a connection run in order, so no query can run before the SETs. Setting the
 * level once per session rather than per transaction saves every transaction a
 * round trip.
 */
const strictMysql2 = {
  ...mysql2,
  createPool(options: PoolOptions): Pool {
    const pool = mysql2.createPool(options);
    pool.on('connection', (connection: PoolConnection) => {
      // A connection that cannot be set up is not used: destroying it makes the pool open another.
      const setUp = (err: unknown) => {
        if (err) connection.destroy();
      };
      connection.query(`SET SESSION sql_mode = '${STRICT_SQL_MODE}'`, setUp);
      connection.query(`SET SESSION TRANSACTION ISOLATION LEVEL ${SESSION_ISOLATION}`, setUp);
    });
    return pool;
  },
};

export function dataSourceOptions(
  config: Pick<AppConfig, 'DATABASE_URL'> & Partial<Pick<AppConfig, 'DATABASE_SOCKET'>>,
): DataSourceOptions {
  return {
    type: 'mysql',
    connectorPackage: 'mysql2',
    driver: strictMysql2,
    url: config.DATABASE_URL,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    synchronize: false,
    migrationsRun: false,
    migrations,
    subscribers: [AfterCommitSubscriber],
    extra: { connectionLimit: 20, ...(config.DATABASE_SOCKET && { socketPath: config.DATABASE_SOCKET }) },
  };
}
