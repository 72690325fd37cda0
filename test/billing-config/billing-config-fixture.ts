import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TestApp } from '../support/test-app';

export const short = () => randomUUID().slice(0, 8);

export async function insertAccountType(db: DataSource): Promise<number> {
  const res = await db.query('INSERT INTO account_types (name) VALUES (?)', [`Billing type ${randomUUID()}`]);
  return Number(res.insertId);
}

export async function insertStatus(db: DataSource, isDelinquency: boolean): Promise<number> {
  const res = await db.query('INSERT INTO account_statuses (name, is_delinquency) VALUES (?, ?)', [
    `Status ${randomUUID()}`,
    isDelinquency ? 1 : 0,
  ]);
  return Number(res.insertId);
}

/** An account of the given type, straight into the table. */
export async function insertAccountOfType(db: DataSource, typeId: number): Promise<number> {
  const statusId = await insertStatus(db, false);
  const res = await db.query(
    `INSERT INTO accounts (name, account_type_id, account_status_id, service_line1, service_city, service_region, service_postcode, service_country)
     VALUES (?, ?, ?, '12 Oak St', 'Springfield', 'IL', '62701', 'US')`,
    [`Billing account ${short()}`, typeId, statusId],
  );
  return Number(res.insertId);
}

export async function insertService(db: DataSource, kind: string, adjustmentSide: 'debit' | 'credit' | null = null): Promise<number> {
  const speeds = kind === 'data' ? [10_000, 2_000] : [null, null];
  const res = await db.query(
    'INSERT INTO services (name, kind, adjustment_side, price, download_kbps, upload_kbps, ledger_code) VALUES (?, ?, ?, 500, ?, ?, ?)',
    [`Service ${randomUUID()}`, kind, adjustmentSide, ...speeds, 'LATE'],
  );
  return Number(res.insertId);
}

export async function auditCount(db: DataSource, requestId: string): Promise<number> {
  const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM action_history WHERE request_id = ?', [requestId]);
  return Number(n);
}

/** Authenticated requests as one user; every request carries a fresh X-Request-Id, kept in `lastRequestId`. */
export class Client {
  lastRequestId = '';
  constructor(
    private readonly sut: TestApp,
    private readonly token: string,
  ) {}

  private start(method: 'get' | 'put' | 'post' | 'delete', path: string) {
    this.lastRequestId = `billing-config-${randomUUID()}`;
    return this.sut.http()[method](path).auth(this.token, { type: 'bearer' }).set('X-Request-Id', this.lastRequestId);
  }

  get(path: string) {
    return this.start('get', path);
  }

  put(path: string, body: object) {
    return this.start('put', path).send(body);
  }

  post(path: string, body: object) {
    return this.start('post', path).send(body);
  }

  delete(path: string) {
    return this.start('delete', path);
  }
}
