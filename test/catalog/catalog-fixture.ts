import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import type { DataSource } from 'typeorm';
import type { TestApp } from '../support/test-app';

export { auditEntries } from '../contacts/account-fixture';

/** A tax (with a type of its own) inserted straight into the tables, so these tests need nothing from the taxes API. */
export async function insertTax(db: DataSource, rateE4 = 82_500): Promise<number> {
  const suffix = randomUUID().slice(0, 8);
  const type = await db.query('INSERT INTO tax_types (name) VALUES (?)', [`Catalog type ${suffix}`]);
  const tax = await db.query('INSERT INTO taxes (name, tax_type_id, rate_e4) VALUES (?, ?, ?)', [
    `Catalog tax ${suffix}`,
    type.insertId,
    rateE4,
  ]);
  return Number(tax.insertId);
}

export const uniqueName = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;

export function requestId(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** Calls the API as one user, optionally under a chosen request id so its audit entries can be found. */
export class CatalogClient {
  constructor(
    private readonly sut: TestApp,
    private readonly token: string,
  ) {}

  get(path: string, id?: string) {
    return this.with(this.sut.http().get(path), id);
  }
  post(path: string, body: object, id?: string) {
    return this.with(this.sut.http().post(path), id).send(body);
  }
  put(path: string, body: object, id?: string) {
    return this.with(this.sut.http().put(path), id).send(body);
  }
  delete(path: string, id?: string) {
    return this.with(this.sut.http().delete(path), id);
  }

  async service(body: Record<string, unknown> = {}): Promise<{ id: number; name: string; price: number }> {
    // A voice service is priced by a rate plan: one of its own unless the test names one.
    const voice = body.kind === 'voice' && body.voiceRatePlanId === undefined ? { voiceRatePlanId: await this.ratePlan() } : {};
    const res = await this.post('/api/services', {
      name: uniqueName('Service'),
      kind: 'recurring',
      price: 4999,
      ledgerCode: '4000',
      ...voice,
      ...body,
    });
    if (res.status !== 201) throw new Error(`create service: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async ratePlan(): Promise<number> {
    const res = await this.post('/api/voice-rate-plans', { name: uniqueName('Rate plan') });
    if (res.status !== 201) throw new Error(`create rate plan: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as number;
  }

  private with(req: Test, id?: string): Test {
    const authed = req.auth(this.token, { type: 'bearer' });
    return id ? authed.set('X-Request-Id', id) : authed;
  }
}

export function listQuery(params: { filter?: object; sort?: [string, string]; range?: [number, number] }): string {
  const parts = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
