import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TestApp } from '../support/test-app';

export const unique = () => randomUUID().slice(0, 8);

export interface Lookups {
  typeId: number;
  activeStatusId: number;
  pendingStatusId: number;
  groupId: number;
}

/** A type, an active and a pending status and a group of its own, made through the API. */
export async function createLookups(sut: TestApp, token: string): Promise<Lookups> {
  const post = async (path: string, body: object) =>
    (await sut.http().post(path).auth(token, { type: 'bearer' }).send(body).expect(201)).body.id as number;
  const s = unique();
  return {
    typeId: await post('/api/account-types', { name: `Residential ${s}` }),
    activeStatusId: await post('/api/account-statuses', { name: `Active ${s}`, countsAsActive: true, color: '#2e7d32' }),
    pendingStatusId: await post('/api/account-statuses', { name: `Pending ${s}`, countsAsActive: false }),
    groupId: await post('/api/account-groups', { name: `Fiber ${s}` }),
  };
}

export function accountBody(lookups: Lookups, overrides: Record<string, unknown> = {}) {
  return {
    name: `Jane Rivera ${unique()}`,
    accountTypeId: lookups.typeId,
    accountStatusId: lookups.pendingStatusId,
    serviceAddress: {
      line1: '12 Oak St',
      city: 'Springfield',
      region: 'IL',
      postcode: '62701',
      country: 'US',
      latitude: '39.781721',
      longitude: '-89.650148',
    },
    ...overrides,
  };
}

export async function createAccount(sut: TestApp, token: string, lookups: Lookups, overrides: Record<string, unknown> = {}) {
  const res = await sut.http().post('/api/accounts').auth(token, { type: 'bearer' }).send(accountBody(lookups, overrides)).expect(201);
  return res.body as { id: number; name: string; [key: string]: unknown };
}

export async function countRows(db: DataSource, table: string): Promise<number> {
  const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(n);
}

export async function auditCount(db: DataSource, requestId: string): Promise<{ n: number; accountIds: (number | null)[] }> {
  const rows: { account_id: number | null }[] = await db.query('SELECT account_id FROM action_history WHERE request_id = ?', [requestId]);
  return { n: rows.length, accountIds: rows.map((r) => (r.account_id === null ? null : Number(r.account_id))) };
}
