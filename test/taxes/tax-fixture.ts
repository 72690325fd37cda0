import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import type { DataSource } from 'typeorm';
import type { TestApp } from '../support/test-app';

export { auditEntries, insertAccount } from '../contacts/account-fixture';

export const uniqueName = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;
export const requestId = (prefix: string) => `${prefix}-${randomUUID()}`;

/** A closed rectangle ring, corners given as decimal degrees [lng, lat]. */
export function rectangle(west: number, south: number, east: number, north: number): number[][] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

/** Springfield-ish test square: longitude −89.7…−89.6, latitude 39.7…39.8. */
export const SQUARE = { type: 'Polygon', coordinates: [rectangle(-89.7, 39.7, -89.6, 39.8)] };

/**
 * A 0.1° square somewhere in the southern Pacific that no other test file uses, so accounts placed
 * in it fall in this test's zones only, however many tests share the database.
 */
export function uniqueSquare(): { west: number; south: number; geometry: { type: 'Polygon'; coordinates: number[][][] } } {
  const west = -170 + Math.floor(Math.random() * 600) / 10;
  const south = -60 + Math.floor(Math.random() * 100) / 10;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { west, south, geometry: { type: 'Polygon', coordinates: [rectangle(west, south, round(west + 0.1), round(south + 0.1))] } };
}

/** Calls the API as one user, optionally under a chosen request id so its audit entries can be found. */
export class TaxClient {
  constructor(
    private readonly sut: TestApp,
    private readonly token: string,
  ) {}

  get(path: string, id?: string) {
    return this.with(this.sut.http().get(path), id);
  }
  post(path: string, body: object | string, id?: string) {
    const req = this.with(this.sut.http().post(path), id);
    return typeof body === 'string' ? req.set('Content-Type', 'application/json').send(body) : req.send(body);
  }
  put(path: string, body: object, id?: string) {
    return this.with(this.sut.http().put(path), id).send(body);
  }
  delete(path: string, id?: string) {
    return this.with(this.sut.http().delete(path), id);
  }

  async taxType(): Promise<{ id: number; name: string }> {
    return this.created(await this.post('/api/tax-types', { name: uniqueName('Type') }));
  }

  async tax(body: Record<string, unknown> = {}): Promise<{ id: number; name: string; taxTypeId: number; rateE4: number }> {
    const taxTypeId = body.taxTypeId ?? (await this.taxType()).id;
    return this.created(await this.post('/api/taxes', { name: uniqueName('Tax'), rateE4: 82_500, ...body, taxTypeId }));
  }

  async zone(
    taxId: number,
    geometry: object = SQUARE,
    name = uniqueName('Zone'),
  ): Promise<{ id: number; name: string; geometry: unknown }> {
    return this.created(await this.post('/api/tax-zones', { name, taxId, geometry }));
  }

  private created<T>(res: { status: number; body: T }): T {
    if (res.status !== 201) throw new Error(`expected 201, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  private with(req: Test, id?: string): Test {
    const authed = req.auth(this.token, { type: 'bearer' });
    return id ? authed.set('X-Request-Id', id) : authed;
  }
}

export async function placeAccount(db: DataSource, accountId: number, lat: string | null, lng: string | null): Promise<void> {
  await db.query('UPDATE accounts SET service_latitude = ?, service_longitude = ? WHERE id = ?', [lat, lng, accountId]);
}

export function listQuery(params: { filter?: object; sort?: [string, string]; range?: [number, number] }): string {
  const parts = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
