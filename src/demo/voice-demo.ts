import type { INestApplicationContext } from '@nestjs/common';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AccountServicesService } from '../billing/account-services.service';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock';
import { transactionWithRetry } from '../database/transaction';
import { CdrFilesService } from '../voice/cdr-files.service';
import { CdrImportService } from '../voice/cdr-import.service';
import { readCdrOptions } from '../voice/cdr-options';
import { DidsService } from '../voice/dids.service';
import { RatePlansService } from '../voice/rate-plans.service';
import { readRateDeckCsv } from '../voice/rate-deck-csv';
import { VoiceServicesService } from '../voice/voice-services.service';
import { sha256OfFile, VoiceStorage } from '../voice/voice-storage';
import { prng } from './accounts-demo';

/** A residential carrier deck: North America cheap, New York cheaper by the second, a few countries abroad, inbound for toll-free dearer. */
export const DEMO_RATE_DECK = [
  'prefix,description,direction,rate,minimum,increment',
  '1,United States and Canada,outbound,0.0090,60,60',
  '1212,New York City,outbound,0.0060,30,6',
  '1800,Toll free,outbound,0,0,1',
  '44,United Kingdom,outbound,0.0400,1,1',
  '4420,London,outbound,0.0250,1,1',
  '49,Germany,outbound,0.0450,1,1',
  '52,Mexico,outbound,0.0700,60,60',
  '1,Local and long distance,inbound,0.0000,0,1',
  '1800,Toll-free number,inbound,0.0150,60,60',
].join('\n');

export const DEMO_DID_RANGE = { from: '+1 217 555 0100', to: '+1 217 555 0149' };

/** Destinations a household calls, as a switch writes them: national numbers and international ones with 011. */
const DESTINATIONS = [
  '2125550123',
  '2125550188',
  '3125550142',
  '2175550999',
  '8005550100',
  '011442079460958',
  '011493012345678',
  '011525512345678',
];

export interface DemoCall {
  /** The subscriber's number, E.164 digits. */
  subscriber: string;
  /** The other end, as a switch writes it. */
  other: string;
  outbound: boolean;
  start: Date;
  talkSeconds: number;
  uniqueId: string;
}

/** A Master.csv line (loguniqueid on) in UTC, as Asterisk writes it: text quoted, numbers and times bare. */
export function masterCsvLine(call: DemoCall): string {
  const time = (at: Date) => at.toISOString().slice(0, 19).replace('T', ' ');
  const src = call.outbound ? call.subscriber.slice(1) : call.other;
  const dst = call.outbound ? call.other : call.subscriber.slice(1);
  const answered = call.talkSeconds > 0;
  const answer = new Date(call.start.getTime() + 4000);
  const end = new Date(answer.getTime() + call.talkSeconds * 1000);
  return [
    '"demo"',
    `"${src}"`,
    `"${dst}"`,
    '"from-internal"',
    `"""Subscriber"" <${src}>"`,
    '"PJSIP/line-00000001"',
    '"PJSIP/trunk-00000002"',
    '"Dial"',
    `"PJSIP/${dst}@trunk,60,tT"`,
    time(call.start),
    answered ? time(answer) : '',
    time(end),
    String(call.talkSeconds + 4),
    String(call.talkSeconds),
    answered ? '"ANSWERED"' : '"NO ANSWER"',
    '"DOCUMENTATION"',
    `"${call.uniqueId}"`,
  ].join(',');
}

/**
 * Calls of `subscribers` between `from` and `to`: mostly outbound, a third inbound, one in ten
 * unanswered, talk times from seconds to an hour, seeded so the same arguments give the same calls.
 */
export function demoCalls(subscribers: string[], count: number, from: Date, to: Date, seed = 31): DemoCall[] {
  const random = prng(seed);
  const span = to.getTime() - from.getTime();
  const calls: DemoCall[] = [];
  for (let i = 0; i < count; i++) {
    const outbound = random() < 0.67;
    const other = outbound
      ? DESTINATIONS[Math.floor(random() * DESTINATIONS.length)]
      : `217555${String(2000 + Math.floor(random() * 7000))}`;
    calls.push({
      subscriber: subscribers[Math.floor(random() * subscribers.length)],
      other,
      outbound,
      start: new Date(from.getTime() + Math.floor(random() * span)),
      talkSeconds: random() < 0.1 ? 0 : Math.round(Math.exp(random() * Math.log(3600))),
      uniqueId: `${1_700_000_000 + seed * 1_000_000 + i}.${i}`,
    });
  }
  return calls.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/**
 * Phone service in the demo: a rate plan with a small deck, the catalogue's "Home phone" priced by
 * it with 100 included minutes, a block of fifty numbers, two accounts with the service and a
 * number each (held since the start of last month), and a month of their calls from a generated
 * Master.csv, imported as an upload would be, so the Voice tab and the call lists have rows.
 */
export async function generateVoiceDemo(
  app: INestApplicationContext,
  firstAccountId: number,
): Promise<{ fileId: number; accountIds: number[] }> {
  const db = app.get(DataSource);
  const plans = app.get(RatePlansService);
  const plan = await plans.create({ name: 'Residential voice', description: 'Carrier deck for home phone lines' });
  const deck = await readRateDeckCsv(DEMO_RATE_DECK);
  if (deck.errors.length) throw new Error(`the demo deck does not read: ${deck.errors[0].message}`);
  await plans.replaceDeck(plan.id, deck.rows);

  const catalog = app.get(CatalogService);
  const [existing]: { id: number }[] = await db.query("SELECT id FROM services WHERE name = 'Home phone' AND kind = 'voice'");
  const serviceId = existing
    ? (await catalog.update(Number(existing.id), { voiceRatePlanId: plan.id, includedMinutes: 100, includedMinutesScope: 'all' })).id
    : (
        await catalog.create({
          name: 'Home phone',
          kind: 'voice',
          price: 2499,
          ledgerCode: '4200',
          voiceRatePlanId: plan.id,
          includedMinutes: 100,
        })
      ).id;

  await app.get(DidsService).createRange({ ...DEMO_DID_RANGE, note: 'Demo block' });
  const clock = app.get(Clock);
  const now = clock.now();
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const accountIds = [firstAccountId, firstAccountId + 1];
  const numbers: string[] = [];
  const voice = app.get(VoiceServicesService);
  for (const [i, accountId] of accountIds.entries()) {
    const added = await app.get(AccountServicesService).add({ accountId, serviceId, date: since.toISOString().slice(0, 10) });
    const number = `1217555010${i}`;
    const [did]: { id: number }[] = await db.query('SELECT id FROM dids WHERE number = ?', [number]);
    await voice.assign(accountId, added.id, { didId: Number(did.id), since: since.toISOString() }, null);
    numbers.push(number);
  }

  // A month of calls, up to an hour ago, in a Master.csv kept and imported as an upload is.
  const calls = demoCalls(numbers, 240, since, new Date(now.getTime() - 3_600_000));
  const storage = app.get(VoiceStorage);
  await storage.ensureDirs();
  const path = join(storage.uploadDir, `demo-master-${process.pid}.csv`);
  await writeFile(path, `${calls.map(masterCsvLine).join('\n')}\n`);
  const files = app.get(CdrFilesService);
  const { reading } = readCdrOptions({ format: 'asterisk', timeZone: 'UTC', logUniqueId: true }, files.readingDefaults());
  const sha256 = await sha256OfFile(path);
  const { size: byteSize } = await stat(path);
  const storedPath = await storage.keep(path, sha256);
  const file = await transactionWithRetry(db, (em) =>
    files.registerIn(em, { name: 'Master.csv', source: 'upload', reading, sha256, byteSize, storedPath, uploadedBy: null }),
  );
  await app.get(CdrImportService).importFor(file.id, Number.POSITIVE_INFINITY);
  return { fileId: file.id, accountIds };
}
