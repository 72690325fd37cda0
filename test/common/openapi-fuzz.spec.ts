import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';
import { generateDemoAccounts } from '../../src/demo/accounts-demo';
import { generateBillingDemo } from '../../src/demo/billing-demo';

/**
 * Every write operation the live OpenAPI document lists (so a new route is covered
 * the day it is added) receives a fixed set of hostile bodies and path parameters,
 * as an administrator holding every permission. No answer may be a 5xx, and no
 * table may gain or lose a row. The app runs on a database of its own, loaded with
 * the demo data, so the counts are ours alone and path parameters can point at
 * rows that exist.
 */

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: unknown;
};

interface Operation {
  method: 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: Schema;
  pathParams: string[];
  secured: boolean;
}

interface Probe {
  label: string;
  path: string;
  body?: unknown;
  raw?: string;
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
const CONCURRENCY = 6;

/**
 * Tables that may legitimately change while the probes run, each with its reason.
 * Empty today: a refused request writes nothing anywhere, not even an audit entry,
 * and the administrator's session is opened before the first count.
 */
const TABLES_ALLOWED_TO_CHANGE: string[] = [];

const deep = (levels: number, open: string, close: string, inner = '1') => open.repeat(levels) + inner + close.repeat(levels);
const HUGE_TEXT = 'x'.repeat(70_000);
const SQL = "1'; DROP TABLE accounts; --";
const UNICODE = ['\u0000', '\ud800', '😀'.repeat(3), '\u202e'];
const IMPOSSIBLE_DATES = ['0000-00-00', '0001-01-01', '1900-01-01', '9999-12-31', '2027-02-30', '2027-13-01', '2026-12-1'];
const IMPOSSIBLE_INSTANTS = [
  '0000-00-00T00:00:00Z',
  '1900-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2027-02-30T10:00:00Z',
  '2027-01-01T25:00:00Z',
  '2027-01-01T10:00:00',
];
const NUMBER_PROBES: unknown[] = ['12', 1e308, 2 ** 53 + 2, SQL, true, {}];
const PATH_PROBES = ['0', '99999999999999999999', '1.5', encodeURIComponent(SQL), encodeURIComponent('😀'), '%00'];

/** Bodies that are wrong whatever the operation expects. */
const BODY_PROBES: Omit<Probe, 'path'>[] = [
  { label: 'array body', body: [] },
  { label: 'array of objects', body: [{}] },
  { label: 'string body', raw: JSON.stringify(SQL) },
  { label: 'number body', raw: '42' },
  { label: 'null body', raw: 'null' },
  { label: 'nested objects 3000 deep', raw: deep(3000, '{"a":', '}') },
  { label: 'nested arrays 3000 deep', raw: deep(3000, '[', ']') },
  { label: 'prototype pollution', raw: '{"__proto__":{"isSuperuser":true},"constructor":{"prototype":{"x":1}}}' },
  { label: 'unknown field', body: { [SQL]: UNICODE[2] } },
];

function resolve(doc: { components: { schemas: Record<string, Schema> } }, schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop() as string]);
  if (schema.allOf?.length === 1) return { ...resolve(doc, schema.allOf[0]), nullable: schema.nullable };
  return schema;
}

/** Values that break the documented type of one property. */
function hostileValues(doc: Parameters<typeof resolve>[0], raw: Schema, depth = 0): unknown[] {
  const schema = resolve(doc, raw) ?? {};
  const values: unknown[] = schema.nullable ? [] : [null];
  if (schema.properties && depth === 0) {
    values.push([], [{}], 'x', 42, { [SQL]: 1 });
    for (const [name, inner] of Object.entries(schema.properties)) {
      for (const value of hostileValues(doc, inner, depth + 1)) values.push({ [name]: value });
    }
  } else if (schema.properties || schema.type === 'object') {
    values.push([], 'x', 42, JSON.parse(deep(50, '{"a":', '}')));
  } else if (schema.type === 'array') {
    values.push({}, 'x', [null], [SQL]);
  } else if (schema.type === 'boolean') {
    values.push('true', 1, {});
  } else if (schema.type === 'number' || schema.type === 'integer') {
    values.push(...NUMBER_PROBES);
  } else if (schema.type === 'string') {
    values.push(12_345, true, {}, ['x'], HUGE_TEXT);
    if (schema.format === 'date') values.push(...IMPOSSIBLE_DATES);
    if (schema.format === 'date-time') values.push(...IMPOSSIBLE_INSTANTS);
    if (schema.enum) values.push(SQL, ...UNICODE);
  }
  return values;
}

function bodyProbes(doc: Parameters<typeof resolve>[0], op: Operation, path: string): Probe[] {
  const schema = resolve(doc, op.body);
  const probes: Probe[] = BODY_PROBES.map((p) => ({ ...p, path }));
  // An empty object is only hostile where something is required; elsewhere it is a valid no-op.
  if (schema?.required?.length) probes.push({ label: 'empty object', path, body: {} });
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    for (const value of hostileValues(doc, property)) probes.push({ label: `${name}=${short(value)}`, path, body: { [name]: value } });
  }
  return probes;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function snake(word: string): string {
  return word
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase();
}

/** A value of an existing row for each path parameter, guessed from the names around it. */
async function existingRows(sut: TestApp, tables: string[], op: Operation): Promise<Record<string, string>> {
  const segments = op.path.split('/');
  const values: Record<string, string> = {};
  for (const param of op.pathParams) {
    const before = segments[segments.indexOf(`{${param}}`) - 1] ?? '';
    const fromName = /Id$/.test(param) ? `${snake(param.slice(0, -2))}s` : '';
    const candidates = [fromName, snake(before)].filter(Boolean);
    const table = candidates
      .map((c) => tables.find((t) => t === c) ?? tables.find((t) => t.endsWith(`_${c}`)))
      .find((t): t is string => t !== undefined);
    const column = /^(id|\w+Id)$/.test(param) ? 'id' : snake(param);
    let value = '1';
    if (table) {
      const rows: Record<string, unknown>[] = await sut.db
        .query(`SELECT \`${column}\` AS v FROM \`${table}\` ORDER BY 1 LIMIT 1`)
        .catch(() => []);
      if (rows.length > 0) value = String(rows[0].v);
    }
    values[param] = encodeURIComponent(value);
  }
  return values;
}

function fill(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]);
}

async function rowCounts(sut: TestApp, tables: string[]): Promise<Record<string, number>> {
  const watched = tables.filter((t) => !TABLES_ALLOWED_TO_CHANGE.includes(t));
  const [row] = await sut.db.query(`SELECT ${watched.map((t) => `(SELECT COUNT(*) FROM \`${t}\`) AS \`${t}\``).join(', ')}`);
  return Object.fromEntries(watched.map((t) => [t, Number(row[t])]));
}

describe('hostile input on every write operation', () => {
  let sut: TestApp;
  let token: string;
  let tables: string[];

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    // A small slice of the demo data: accounts with contacts, services, invoices and payments to aim at.
    const accounts = await generateDemoAccounts(sut.db, 12);
    await generateBillingDemo(sut.app, accounts.firstAccountId, 4);
    token = (await sut.admin()).token;
    tables = (
      await sut.db.query(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'",
      )
    ).map((r: { t: string }) => r.t);
  }, 180_000);
  afterAll(() => sut?.close());

  it('answers no 5xx and adds or removes no row, whatever the body or path', async () => {
    const doc = (await sut.http().get('/api/docs-json').expect(200)).body;
    const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
      ([path, item]) =>
        WRITE_METHODS.filter((m) => item[m]).map((method) => {
          const op = item[method] as {
            requestBody?: { content?: Record<string, { schema?: Schema }> };
            parameters?: { in: string; name: string }[];
            security?: unknown[];
          };
          return {
            method,
            path,
            body: op.requestBody?.content?.['application/json']?.schema ?? (op.requestBody ? {} : undefined),
            pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
            secured: (op.security ?? []).length > 0,
          };
        }),
    );
    expect(operations.length).toBeGreaterThan(100);

    const before = await rowCounts(sut, tables);
    const started = Date.now();
    const failures: string[] = [];
    const writes: string[] = [];
    let requests = 0;

    for (const op of operations) {
      const existing = await existingRows(sut, tables, op);
      const probes: Probe[] = [];
      if (op.body) probes.push(...bodyProbes(doc, op, fill(op.path, existing)));
      for (const param of op.pathParams) {
        for (const value of PATH_PROBES) {
          const body = op.body ? {} : undefined;
          probes.push({ label: `${param}=${value}`, path: fill(op.path, { ...existing, [param]: value }), body });
        }
      }
      // A route that reads no body and takes no parameter has nothing hostile to receive from us except the
      // body it ignores; it gets the body probes without credentials, so logging out, say, is refused rather than done.
      const anonymous = !op.body && op.pathParams.length === 0;
      if (anonymous) probes.push(...BODY_PROBES.map((p) => ({ ...p, path: op.path })));

      const opBefore = await rowCounts(sut, tables);
      const accepted: string[] = [];
      // A few at a time: the probes of one operation are independent, since none of them may write.
      for (let i = 0; i < probes.length; i += CONCURRENCY) {
        await Promise.all(
          probes.slice(i, i + CONCURRENCY).map(async (probe) => {
            requests += 1;
            let req = sut.http()[op.method](probe.path).set('Content-Type', 'application/json');
            if (!anonymous) req = req.auth(token, { type: 'bearer' });
            const res = await (probe.raw !== undefined
              ? req.send(probe.raw)
              : probe.body !== undefined
                ? req.send(JSON.stringify(probe.body))
                : req);
            const line = `${op.method.toUpperCase()} ${probe.path} [${probe.label}] -> ${res.status}`;
            if (res.status >= 500) failures.push(`${line} ${res.body?.message ?? ''}`);
            if (res.status < 300) accepted.push(line);
          }),
        );
      }
      const opAfter = await rowCounts(sut, tables);
      for (const table of Object.keys(opBefore).filter((t) => opBefore[t] !== opAfter[t])) {
        writes.push(
          `${op.method.toUpperCase()} ${op.path} changed ${table} (${opBefore[table]} -> ${opAfter[table]}); accepted: ${accepted.join(', ')}`,
        );
      }
    }

    const after = await rowCounts(sut, tables);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const changed = Object.keys(before)
      .filter((t) => before[t] !== after[t])
      .map((t) => `${t}: ${before[t]} -> ${after[t]}`);
    // The figures go in the failure message too, so a red run says how much was tried.
    const summary = `${operations.length} operations, ${requests} requests, ${seconds} s`;
    process.stdout.write(`hostile input: ${summary}\n`);
    expect({ summary, failures: failures.slice(0, 50), failureCount: failures.length, changed, writes }).toEqual({
      summary,
      failures: [],
      failureCount: 0,
      changed: [],
      writes: [],
    });
  }, 600_000);
});
