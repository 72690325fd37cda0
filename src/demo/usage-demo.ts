import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { utcOffsetMinutes } from '../usage/local-hour';
import { UsagePoliciesService } from '../usage/usage-policies.service';
import { prng } from './accounts-demo';

const HOUR = 3_600_000;
const GB = 1e9;
const ROWS_PER_INSERT = 5_000;

/** The policy the demo's residential plan is sold with. */
export const DEMO_USAGE_POLICY = 'Residential 500 GB';

/**
 * Share of a day's traffic in each local hour, from midnight: quiet from one to six in the
 * morning, a dip at dawn, a slow climb through the day and the evening streaming peak.
 */
const DAILY_CURVE = [
  0.55, 0.32, 0.2, 0.14, 0.12, 0.13, 0.22, 0.38, 0.5, 0.55, 0.6, 0.66, 0.72, 0.72, 0.7, 0.76, 0.88, 1.08, 1.42, 1.78, 2.0, 1.92, 1.55, 1.0,
];
const CURVE_MEAN = DAILY_CURVE.reduce((a, b) => a + b, 0) / DAILY_CURVE.length;

/**
 * The residential plan's usage policy, as an ISP would set it up: a 500 GB cap, overage charged
 * at the period's end at $10 for every started 50 GB through a one-time "Data overage" service,
 * top-offs of 100 GB for $15 through a "Data top off" service, free from 01:00 to 06:00, and
 * unused cap rolled over for three months. Attached to `serviceName`, a data service.
 */
export async function generateUsagePolicyDemo(app: INestApplicationContext, serviceName: string, taxIds: number[]): Promise<number> {
  const db = app.get(DataSource);
  await db.query(
    `INSERT IGNORE INTO services (name, kind, adjustment_side, price, ledger_code, active) VALUES
       ('Data overage', 'one_time', NULL, 1000, '4100', 1), ('Data top off', 'one_time', NULL, 1500, '4100', 1)`,
  );
  const services: { id: number; name: string }[] = await db.query(
    "SELECT id, name FROM services WHERE name IN ('Data overage', 'Data top off')",
  );
  const id = (name: string) => Number(services.find((s) => s.name === name)?.id);
  for (const s of services)
    for (const taxId of taxIds) await db.query('INSERT IGNORE INTO service_taxes (service_id, tax_id) VALUES (?, ?)', [s.id, taxId]);
  const policy = await app.get(UsagePoliciesService).create({
    name: DEMO_USAGE_POLICY,
    capGb: '500',
    atCap: 'overage',
    overageServiceId: id('Data overage'),
    overageBlockGb: '50',
    topOffsAllowed: true,
    topOffGb: '100',
    topOffServiceId: id('Data top off'),
    rollover: true,
    rolloverExpiryMonths: 3,
    freeWindows: [{ startHour: 1, endHour: 6 }],
  });
  await db.query("UPDATE services SET usage_policy_id = ? WHERE name = ? AND kind = 'data'", [policy.id, serviceName]);
  return policy.id;
}

/**
 * Hour-by-hour usage, from `from` (midnight UTC) to the current hour, for each of the accounts with
 * a data service: a month's volume set by the plan's speed (with the plan around the residential
 * cap, some go over it), spread over the day by the curve above in the instance's time
 * zone, weekends a little busier, every hour a little different. Upload is about a tenth of
 * download. Seeded per account, so an hour gets the same figures whenever it is seeded; written
 * in multi-row inserts.
 */
export async function generateUsageHoursDemo(app: INestApplicationContext, accountIds: number[], from: Date, seed = 23): Promise<number> {
  const db = app.get(DataSource);
  const { BILLING_TIME_ZONE: zone } = app.get<AppConfig>(APP_CONFIG);
  const now = app.get(Clock).now();
  const end = Math.floor(now.getTime() / HOUR) * HOUR;
  const plans: { account_id: number; download_kbps: number }[] = await db.query(
    `SELECT s.account_id, MAX(v.download_kbps) AS download_kbps FROM account_services s JOIN services v ON v.id = s.service_id
      WHERE v.kind = 'data' AND s.account_id IN (?) GROUP BY s.account_id ORDER BY s.account_id`,
    [accountIds.length ? accountIds : [0]],
  );
  // The local hour and weekday of each UTC hour, worked out once for every account.
  const hours: { at: Date; weight: number }[] = [];
  for (let at = from.getTime(); at <= end; at += HOUR) {
    const local = new Date(at + utcOffsetMinutes(zone, new Date(at)) * 60_000);
    const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
    hours.push({ at: new Date(at), weight: (DAILY_CURVE[local.getUTCHours()] / CURVE_MEAN) * (weekend ? 1.15 : 1) });
  }
  let rows: unknown[][] = [];
  let written = 0;
  const flush = async () => {
    if (!rows.length) return;
    await db.query('INSERT INTO usage_hours (account_id, hour_start, upload_octets, download_octets) VALUES ?', [rows]);
    written += rows.length;
    rows = [];
  };
  for (const plan of plans) {
    // Each account its own sequence: an hour's figures do not move when the range grows by an hour.
    const random = prng(seed * 100_003 + Number(plan.account_id));
    // GB a month: the 300 Mbps plan spreads around its 500 GB cap, faster plans use more, wireless less.
    const mbps = Number(plan.download_kbps) / 1000;
    const monthlyGb = mbps >= 1000 ? 450 + random() * 1100 : mbps >= 300 ? 170 + random() * 430 : 70 + random() * 190;
    const perHour = (monthlyGb * GB) / (30 * 24);
    const uploadShare = 0.07 + random() * 0.08;
    for (const h of hours) {
      const download = Math.round(perHour * h.weight * (0.55 + random() * 0.9));
      rows.push([Number(plan.account_id), h.at, Math.round(download * uploadShare * (0.6 + random() * 0.8)), download]);
      if (rows.length >= ROWS_PER_INSERT) await flush();
    }
  }
  await flush();
  return written;
}

const STOP_CAUSES = ['User-Request', 'Lost-Carrier', 'Session-Timeout', 'Admin-Reboot', 'Port-Error'];

/**
 * Session runs of the accounts with a RADIUS login, as accounting would have left them: one after
 * another over the hours of usage, days to a few weeks each, each holding the octets of its hours.
 * The one of `openLogin` (demo-1) is still open, last heard from a few minutes ago, so the account's
 * live session has a NAS and an address; the others' last run ended within the last hour.
 */
export async function generateUsageSessionsDemo(
  app: INestApplicationContext,
  nasAddress: string,
  openLogin: string,
  seed = 29,
): Promise<number> {
  const db = app.get(DataSource);
  const now = app.get(Clock).now();
  const logins: { id: number; username: string; account_id: number; address: string | null }[] = await db.query(
    `SELECT ra.id, ra.username, ra.account_id, MIN(ia.address) AS address
       FROM radius_accounts ra
       LEFT JOIN ip_assignments ia ON ia.radius_account_id = ra.id AND ia.family = 4 AND ia.covers = 'address' AND ia.removed_at IS NULL
      GROUP BY ra.id, ra.username, ra.account_id ORDER BY ra.id`,
  );
  if (!logins.length) return 0;
  const hourRows: { account_id: number; hour_start: Date; upload_octets: string; download_octets: string }[] = await db.query(
    'SELECT account_id, hour_start, upload_octets, download_octets FROM usage_hours WHERE account_id IN (?) ORDER BY account_id, hour_start',
    [logins.map((l) => l.account_id)],
  );
  const hoursOf = new Map<number, typeof hourRows>();
  for (const h of hourRows) {
    const list = hoursOf.get(Number(h.account_id)) ?? [];
    list.push(h);
    hoursOf.set(Number(h.account_id), list);
  }
  const ipv4 = (decimal: string | null) => {
    if (decimal === null) return null;
    const n = Number(decimal);
    return [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');
  };
  const rows: unknown[][] = [];
  for (const login of logins) {
    const random = prng(seed * 100_003 + Number(login.id));
    const hours = hoursOf.get(Number(login.account_id)) ?? [];
    if (!hours.length) continue;
    const last = hours[hours.length - 1].hour_start.getTime();
    let startedAt = hours[0].hour_start.getTime() + Math.floor(random() * 50) * 60_000;
    let next = 0;
    for (let run = 1; ; run++) {
      const planned = startedAt + Math.floor((2 + random() * 20) * 24) * HOUR + Math.floor(random() * 60) * 60_000;
      const final = planned >= last;
      const open = final && login.username === openLogin;
      const ended = Math.min(now.getTime() - Math.floor(1 + random() * 50) * 60_000, last + HOUR - 60_000);
      const stoppedAt = final ? Math.min(now.getTime(), Math.max(startedAt + 60_000, ended)) : planned;
      const until = open ? last + HOUR : stoppedAt;
      let upload = 0n;
      let download = 0n;
      while (next < hours.length && hours[next].hour_start.getTime() < until) {
        upload += BigInt(hours[next].upload_octets);
        download += BigInt(hours[next].download_octets);
        next++;
      }
      const lastSeenAt = open ? Math.floor((now.getTime() - 60_000) / 300_000) * 300_000 : stoppedAt;
      rows.push([
        createHash('md5').update(`demo:${login.username}:${run}`).digest('hex'),
        new Date(Math.floor(startedAt / 1000) * 1000),
        `${(login.id * 4096 + run).toString(16).toUpperCase().padStart(8, '0')}`,
        login.username,
        Number(login.account_id),
        nasAddress,
        ipv4(login.address),
        new Date(Math.floor(Math.max(lastSeenAt, startedAt) / 1000) * 1000),
        open ? null : new Date(Math.floor(stoppedAt / 1000) * 1000),
        open ? null : STOP_CAUSES[Math.floor(random() * STOP_CAUSES.length)],
        upload.toString(),
        download.toString(),
      ]);
      if (final) break;
      startedAt = stoppedAt + Math.floor(5 + random() * 120) * 1000;
    }
  }
  await db.query(
    `INSERT INTO usage_sessions (unique_id, started_at, session_id, username, account_id, nas_address, framed_address,
       last_seen_at, stopped_at, stop_cause, upload_octets, download_octets) VALUES ?`,
    [rows],
  );
  return rows.length;
}
