import type { Client } from '@temporalio/client';
import { randomInt, randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import type { AppConfig } from '../../src/config/app-config';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { insertAccount } from '../contacts/account-fixture';
import { waitUntil } from '../support/processes';
import { createIsolatedTestApp } from '../support/isolated-database';
import { createTestApp, TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

/** A small deck: North America and New York outbound, the UK, and inbound calls to any North American number. */
export const SMALL_DECK = [
  'prefix,description,direction,rate,minimum,increment',
  '1,North America,outbound,0.0100,60,60',
  '1212,New York,outbound,0.0080,30,6',
  '44,United Kingdom,outbound,0.0500,1,1',
  '1,Inbound,inbound,0.0020,60,60',
].join('\n');

export interface VoiceWorld {
  sut: TestApp;
  token: string;
  client: Client;
  close: () => Promise<void>;
}

/** The app (on a database of its own when asked), with a real worker on its own task queue when asked. */
export async function voiceWorld(
  opts: { worker?: boolean; isolated?: boolean; config?: Partial<Record<keyof AppConfig, string>> } = {},
): Promise<VoiceWorld> {
  const sut = await (opts.isolated ? createIsolatedTestApp : createTestApp)(opts.config ?? {});
  const worker = opts.worker ? await startTestWorker(sut) : null;
  const { token } = await sut.admin();
  return {
    sut,
    token,
    client: sut.app.get<Client>(TEMPORAL_CLIENT),
    close: async () => {
      await worker?.stop();
      await sut.close();
    },
  };
}

export function call(w: VoiceWorld, method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: object): Test {
  const req = w.sut.http()[method](path).auth(w.token, { type: 'bearer' });
  return body === undefined ? req : req.send(body);
}

/** A multipart upload of `text` as `file`, after the given fields. */
export function upload(w: VoiceWorld, path: string, text: string | Buffer, fields: Record<string, string> = {}, name = 'calls.csv'): Test {
  let req = w.sut.http().post(path).auth(w.token, { type: 'bearer' });
  for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
  return req.attach('file', Buffer.isBuffer(text) ? text : Buffer.from(text), name);
}

/** A North American number nobody else's test uses: E.164 digits. */
export function freshNumber(): string {
  return `1${randomInt(201, 990)}${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}

export async function ratePlan(w: VoiceWorld, deck: string = SMALL_DECK): Promise<number> {
  const plan = await call(w, 'post', '/api/voice-rate-plans', { name: `Plan ${randomUUID().slice(0, 8)}` }).expect(201);
  await upload(w, `/api/voice-rate-plans/${plan.body.id}/deck`, deck).expect(200);
  return plan.body.id as number;
}

export async function voiceCatalogService(w: VoiceWorld, ratePlanId: number, includedMinutes = 0): Promise<number> {
  const res = await call(w, 'post', '/api/services', {
    name: `Phone ${randomUUID().slice(0, 8)}`,
    kind: 'voice',
    price: 1999,
    ledgerCode: '4200',
    voiceRatePlanId: ratePlanId,
    includedMinutes,
  }).expect(201);
  return res.body.id as number;
}

/**
 * An account with the catalogue service on it, written straight into the tables: adding a service
 * through billing would charge for it, and no test here is about charges.
 */
export async function accountWith(w: VoiceWorld, serviceId: number): Promise<{ accountId: number; accountServiceId: number }> {
  const accountId = await insertAccount(w.sut.db);
  const result = await w.sut.db.query(
    "INSERT INTO account_services (account_id, service_id, quantity, prorate_on_add, added_on) VALUES (?, ?, 1, 0, '2026-01-01')",
    [accountId, serviceId],
  );
  return { accountId, accountServiceId: Number(result.insertId) };
}

export async function addDid(w: VoiceWorld, number = freshNumber()): Promise<{ id: number; number: string }> {
  const res = await call(w, 'post', '/api/dids', { number: `+${number}` }).expect(201);
  return { id: res.body.id as number, number: res.body.number as string };
}

/** Gives the number to the service from a moment well before any call the tests write. */
export async function assign(w: VoiceWorld, accountId: number, accountServiceId: number, didId: number, since = '2026-01-01T00:00:00Z') {
  return call(w, 'post', `/api/accounts/${accountId}/voice-services/${accountServiceId}/dids`, { didId, since }).expect(201);
}

/** A Master.csv line with loguniqueid on: sixteen columns and the unique id. */
export function masterLine(f: {
  src: string;
  dst: string;
  start: string;
  billsec: number;
  uniqueid?: string;
  disposition?: string;
}): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return [
    q('acct'),
    q(f.src),
    q(f.dst),
    q('from-internal'),
    q(`"Caller" <${f.src}>`),
    q('PJSIP/a-0001'),
    q('PJSIP/t-0002'),
    q('Dial'),
    q(`PJSIP/${f.dst}@trunk`),
    f.start,
    f.billsec > 0 ? f.start : '',
    f.start,
    String(f.billsec + 3),
    String(f.billsec),
    q(f.disposition ?? (f.billsec > 0 ? 'ANSWERED' : 'NO ANSWER')),
    q('DOCUMENTATION'),
    q(f.uniqueid ?? randomUUID()),
  ].join(',');
}

/** The options of a Master.csv written in UTC with unique ids logged. */
export const ASTERISK_UTC = { format: 'asterisk', timeZone: 'UTC', defaultCountry: 'US', logUniqueId: 'true' };

export async function importedFile(w: VoiceWorld, fileId: number, timeoutMs = 60_000): Promise<Record<string, unknown>> {
  let file: Record<string, unknown> = {};
  await waitUntil(
    `call record file ${fileId} to be imported`,
    async () => {
      file = (await call(w, 'get', `/api/voice-cdr-files/${fileId}`).expect(200)).body;
      return file.status === 'imported' || file.status === 'failed';
    },
    timeoutMs,
  );
  return file;
}

export async function countCalls(w: VoiceWorld, accountIds: number[]): Promise<number> {
  const [{ n }] = await w.sut.db.query('SELECT COUNT(*) AS n FROM voice_calls WHERE account_id IN (?)', [accountIds]);
  return Number(n);
}
