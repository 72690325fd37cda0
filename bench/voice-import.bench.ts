import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { DataSource } from 'typeorm';
import { prng } from '../src/demo/accounts-demo';
import { masterCsvLine } from '../src/demo/voice-demo';
import { transactionWithRetry } from '../src/database/transaction';
import { forgetReadNumbers } from '../src/voice/call-record';
import { readAsteriskCdr } from '../src/voice/cdr-asterisk';
import { CdrFilesService } from '../src/voice/cdr-files.service';
import { CdrImportService, CHUNK_LINES } from '../src/voice/cdr-import.service';
import { readCdrOptions } from '../src/voice/cdr-options';
import { RatePlansService } from '../src/voice/rate-plans.service';
import type { RateDeckRow } from '../src/voice/rate-deck';
import { sha256OfFile, VoiceStorage } from '../src/voice/voice-storage';
import { createReadStream } from 'node:fs';
import { benchApp } from './bench-app';
import { databaseServer, machine } from './harness';

/** CDRs in the file: 200,000 by default; BENCH_VOICE_CDRS=1000000 for the goal's size. */
const CDRS = Number(process.env.BENCH_VOICE_CDRS ?? 200_000);
/** Subscribers, each with a voice service and a number. */
const SUBSCRIBERS = Number(process.env.BENCH_VOICE_SUBSCRIBERS ?? 5_000);
/** Destinations the subscribers call: a city's worth of distinct numbers, as a month of calls names. */
const DESTINATIONS = Number(process.env.BENCH_VOICE_DESTINATIONS ?? 100_000);
/** Rows of the deck: a carrier's full list is tens of thousands of prefixes. */
const DECK_ROWS = Number(process.env.BENCH_VOICE_DECK_ROWS ?? 20_000);
/** The goal: a million CDRs imported and rated within two minutes on two cores. */
const GOAL_SECONDS_PER_MILLION = 120;
const RAW_ROWS_PER_INSERT = 2_500;

/**
 * A switch file imported and rated, beside a raw INSERT of the same rows.
 *
 * SUBSCRIBERS accounts each hold a number through a voice service priced by a plan of DECK_ROWS
 * prefixes. A Master.csv of CDRS calls is written (two thirds outbound to DESTINATIONS numbers across
 * North America and abroad, one third inbound from them, one in ten unanswered), then imported by
 * CdrImportService as the import workflow's activity runs it: read, matched, rated and written in
 * chunks of CHUNK_LINES with their checkpoints. The baseline copies the calls it recorded into a
 * plain copy of voice_calls with multi-row INSERTs of the same size: what the database takes at best.
 * Reading the file alone (the parser, no database) is timed too, to show where the time goes.
 */
export async function voiceImportBench(databaseUrl: string): Promise<void> {
  const { app, db } = await benchApp(databaseUrl);
  try {
    await run(app, db);
  } finally {
    await app.close();
  }
}

async function run(app: Awaited<ReturnType<typeof benchApp>>['app'], db: DataSource): Promise<void> {
  const random = prng(41);
  let started = Date.now();
  process.stdout.write(`setting up ${SUBSCRIBERS} subscribers and a deck of ${DECK_ROWS} rows…\n`);
  const plans = app.get(RatePlansService);
  const plan = await plans.create({ name: 'Bench deck' });
  await plans.replaceDeck(plan.id, deckRows(DECK_ROWS));
  await db.query(
    "INSERT INTO services (name, kind, price, ledger_code, active, voice_rate_plan_id, included_minutes, included_minutes_scope) VALUES ('Bench phone', 'voice', 1999, '4200', 1, ?, 100, 'all')",
    [plan.id],
  );
  const [{ id: serviceId }] = await db.query("SELECT id FROM services WHERE name = 'Bench phone'");
  await db.query("INSERT INTO account_types (name) VALUES ('Bench')");
  await db.query("INSERT INTO account_statuses (name) VALUES ('Bench')");
  const [{ t }] = await db.query("SELECT id AS t FROM account_types WHERE name = 'Bench'");
  const [{ s }] = await db.query("SELECT id AS s FROM account_statuses WHERE name = 'Bench'");
  const subscribers: string[] = [];
  for (let from = 0; from < SUBSCRIBERS; from += 1_000) {
    const size = Math.min(1_000, SUBSCRIBERS - from);
    const first = Number(
      (
        await db.query(
          `INSERT INTO accounts (name, account_type_id, account_status_id, service_line1, service_city, service_region, service_postcode, service_country) VALUES ?`,
          [Array.from({ length: size }, (_, i) => [`Bench ${from + i}`, t, s, '1 Main St', 'Springfield', 'IL', '62701', 'US'])],
        )
      ).insertId,
    );
    const accountIds = Array.from({ length: size }, (_, i) => first + i);
    const firstService = Number(
      (
        await db.query('INSERT INTO account_services (account_id, service_id, quantity, prorate_on_add, added_on) VALUES ?', [
          accountIds.map((id) => [id, serviceId, 1, 0, '2026-01-01']),
        ])
      ).insertId,
    );
    const numbers = accountIds.map((_, i) => `1217${String(3_000_000 + from + i).padStart(7, '0')}`);
    const firstDid = Number(
      (
        await db.query('INSERT INTO dids (number, state, account_service_id) VALUES ?', [
          numbers.map((n, i) => [n, 'assigned', firstService + i]),
        ])
      ).insertId,
    );
    await db.query('INSERT INTO did_assignments (did_id, account_id, account_service_id, assigned_at) VALUES ?', [
      accountIds.map((id, i) => [firstDid + i, id, firstService + i, new Date('2026-01-01T00:00:00Z')]),
    ]);
    subscribers.push(...numbers);
  }
  process.stdout.write(`set up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  // The file: calls through March 2026, each a distinct unique id.
  const storage = app.get(VoiceStorage);
  await storage.ensureDirs();
  const path = join(storage.uploadDir, `bench-master-${process.pid}.csv`);
  started = Date.now();
  const destinations = Array.from({ length: DESTINATIONS }, (_, i) => destination(i, random));
  const out = createWriteStream(path);
  const march = Date.UTC(2026, 2, 1);
  for (let i = 0; i < CDRS; i++) {
    const outbound = random() < 0.67;
    const line = masterCsvLine({
      subscriber: subscribers[Math.floor(random() * subscribers.length)],
      other: destinations[Math.floor(random() * destinations.length)],
      outbound,
      start: new Date(march + Math.floor((i / CDRS) * 30 * 86_400_000)),
      talkSeconds: random() < 0.1 ? 0 : Math.round(Math.exp(random() * Math.log(3600))),
      uniqueId: `${1_772_000_000 + i}.${i}`,
    });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const { size } = await stat(path);
  process.stdout.write(`wrote ${CDRS} CDRs (${(size / 1024 ** 2).toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  const files = app.get(CdrFilesService);
  const { reading } = readCdrOptions({ format: 'asterisk', timeZone: 'UTC', logUniqueId: true }, files.readingDefaults());
  if (!reading) throw new Error('the bench options do not read');

  // The parser alone: what reading costs before any matching, rating or database.
  forgetReadNumbers();
  started = Date.now();
  let parsed = 0;
  for await (const line of readAsteriskCdr(createReadStream(path), { ...reading.options, defaultCountry: 'US', logUniqueId: true })) {
    if (line.call) parsed++;
  }
  const parseMs = Date.now() - started;

  const sha256 = await sha256OfFile(path);
  const storedPath = await storage.keep(path, sha256);
  const file = await transactionWithRetry(db, (em) =>
    files.registerIn(em, { name: 'bench.csv', source: 'upload', reading, sha256, byteSize: size, storedPath, uploadedBy: null }),
  );
  const imports = app.get(CdrImportService);
  forgetReadNumbers();
  started = Date.now();
  const report = await imports.importFor(file.id, Number.POSITIVE_INFINITY);
  const importMs = Date.now() - started;
  if (report.status !== 'imported' || report.linesRead !== CDRS) throw new Error(`the import ended ${JSON.stringify(report)}`);

  // The baseline: the same rows, already made, inserted into a plain copy of the table.
  await db.query('CREATE TABLE bench_raw_voice_calls LIKE voice_calls');
  const columns =
    'identity_hash, identity, file_id, line_no, account_id, account_service_id, did_id, direction, started_at, from_number, to_number, duration_seconds, billed_seconds, rate_id, rate_prefix, rate_micro, disposition';
  let rawMs = 0;
  for (let afterId = 0; ;) {
    const rows: Record<string, unknown>[] = await db.query(`SELECT id, ${columns} FROM voice_calls WHERE id > ? ORDER BY id LIMIT ?`, [
      afterId,
      CHUNK_LINES,
    ]);
    if (!rows.length) break;
    afterId = Number(rows[rows.length - 1].id);
    const values = rows.map((r) => columns.split(', ').map((c) => r[c]));
    const at = process.hrtime.bigint();
    await transactionWithRetry(db, async (em) => {
      for (let i = 0; i < values.length; i += RAW_ROWS_PER_INSERT) {
        await em.query(`INSERT INTO bench_raw_voice_calls (${columns}) VALUES ?`, [values.slice(i, i + RAW_ROWS_PER_INSERT)]);
      }
    });
    rawMs += Number(process.hrtime.bigint() - at) / 1e6;
  }
  await rm(storage.absolute(storedPath), { force: true });

  const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);
  const perMillion = (ms: number) => ((ms / CDRS) * 1_000_000) / 1000;
  process.stdout.write(
    `\n## Voice import: ${CDRS} CDRs, ${SUBSCRIBERS} subscribers, ${DESTINATIONS} destinations, a deck of ${DECK_ROWS} rows, chunks of ${CHUNK_LINES}\n` +
      `${machine()}\nthe database ${await databaseServer(db)}\n\n` +
      '| case | records/s | seconds | a million at this pace (s) |\n|---|---|---|---|\n' +
      `| reading the file alone (parser, no database) | ${rate(parsed, parseMs)} | ${(parseMs / 1000).toFixed(1)} | ${perMillion(parseMs).toFixed(0)} |\n` +
      `| raw multi-row INSERT of the same rows (baseline) | ${rate(report.callsRecorded, rawMs)} | ${(rawMs / 1000).toFixed(1)} | ${perMillion(rawMs).toFixed(0)} |\n` +
      `| import: read, match, rate and record (CdrImportService) | ${rate(CDRS, importMs)} | ${(importMs / 1000).toFixed(1)} | ${perMillion(importMs).toFixed(0)} |\n` +
      `\n${report.callsRecorded} calls recorded, ${report.linesRejected} lines rejected; ` +
      `goal a million in ${GOAL_SECONDS_PER_MILLION} s: ${perMillion(importMs) <= GOAL_SECONDS_PER_MILLION ? 'met' : 'MISSED'} ` +
      `(${perMillion(importMs).toFixed(0)} s a million at this pace${CDRS < 1_000_000 ? '; a larger table is slower to write once it outgrows the buffer pool, so run BENCH_VOICE_CDRS=1000000 for the goal itself' : ''}); ` +
      `the import takes ${(importMs / rawMs).toFixed(1)}× the raw INSERT's time (the raw INSERT runs after the import, beside its rows)\n`,
  );
}

/** A deck of `rows` rows: every country code of a long list, NANP area codes, and city prefixes under them, each direction. */
function deckRows(rows: number): RateDeckRow[] {
  const deck: RateDeckRow[] = [
    {
      prefix: '1',
      description: 'North America',
      direction: 'outbound',
      ratePerMinuteMicro: 9_000,
      minimumSeconds: 60,
      incrementSeconds: 60,
    },
    { prefix: '1', description: 'Inbound', direction: 'inbound', ratePerMinuteMicro: 0, minimumSeconds: 0, incrementSeconds: 1 },
  ];
  const seen = new Set(['outbound 1', 'inbound 1']);
  for (let i = 0; deck.length < rows; i++) {
    const prefix = i < 800 ? `1${200 + i}` : `${20 + (i % 80)}${String(Math.floor(i / 80)).padStart(3, '0')}`.slice(0, 2 + (i % 4));
    const key = `outbound ${prefix}`;
    if (seen.has(key)) continue;
    seen.add(key);
    deck.push({
      prefix,
      description: `Destination ${prefix}`,
      direction: 'outbound',
      ratePerMinuteMicro: 1_000 + (i % 50) * 700,
      minimumSeconds: i % 3 === 0 ? 30 : 1,
      incrementSeconds: i % 3 === 0 ? 6 : 1,
    });
  }
  return deck;
}

/** The i-th destination: nine in ten North American (national, ten digits), the rest international with 011. */
function destination(i: number, random: () => number): string {
  if (i % 10 !== 0) return `${200 + Math.floor(random() * 700)}${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`;
  const abroad = ['44207', '44161', '4930', '3314', '3906', '5255', '6129', '8190'];
  return `011${abroad[i % abroad.length]}${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}`;
}
