import type { DataSource } from 'typeorm';
import { addMonths, isBillingDate } from '../billing/billing-calendar';

export interface BillingPopulationOptions {
  accounts: number;
  /** The date their service periods start: the system invoice day is set to its day of the month. */
  billingDate: string;
  /** Every n-th account is made a child of the account before it (10 = 10% children). */
  childEvery?: number;
}

export interface BillingPopulation {
  firstAccountId: number;
  lastAccountId: number;
  serviceIds: number[];
  taxId: number;
}

/** The three plans every subscriber has, in cents a month. */
export const POPULATION_SERVICES = [
  { name: 'Population fiber 500', price: 6_499 },
  { name: 'Population static IP', price: 1_000 },
  { name: 'Population router rental', price: 799 },
] as const;

/** 6.25%, applied inside the one zone that holds every subscriber. */
export const POPULATION_TAX_RATE_E4 = 62_500;

const ZONE = { minLat: 39, maxLat: 41, minLng: -90, maxLng: -88 };
const ROWS_PER_INSERT = 2_000;

/**
 * A large billable population written straight into the tables with multi-row
 * inserts: accounts inside one tax zone, three recurring services each, every
 * tenth a child of its neighbour, all due on one billing date. For the bill run
 * benchmark and the crash tests, where going through the API for 100k accounts
 * would measure the seeding rather than the billing.
 */
export async function populateBillableAccounts(db: DataSource, opts: BillingPopulationOptions): Promise<BillingPopulation> {
  if (!isBillingDate(opts.billingDate)) throw new RangeError(`not a billing date: ${opts.billingDate}`);
  const childEvery = opts.childEvery ?? 10;
  const day = Number(opts.billingDate.slice(8, 10));
  if (day > 28) throw new RangeError('billing dates after the 28th are not invoice days');

  await db.query("INSERT IGNORE INTO account_types (name, description) VALUES ('Residential', 'Homes')");
  await db.query("INSERT IGNORE INTO account_statuses (name, counts_as_active, is_delinquency, color) VALUES ('Active', 1, 0, '#2e7d32')");
  const [[type], [status]] = await Promise.all([
    db.query("SELECT id FROM account_types WHERE name = 'Residential'"),
    db.query("SELECT id FROM account_statuses WHERE name = 'Active'"),
  ]);
  await db.query(
    "UPDATE billing_settings SET billing_mode = 'fixed', invoice_day = ?, bill_day = ?, bill_timing = 'advance' WHERE scope = 'system'",
    [day, day],
  );

  await db.query("INSERT IGNORE INTO tax_types (name) VALUES ('Population sales tax')");
  await db.query(
    "INSERT IGNORE INTO taxes (name, tax_type_id, rate_e4) SELECT 'Population state tax', id, ? FROM tax_types WHERE name = 'Population sales tax'",
    [POPULATION_TAX_RATE_E4],
  );
  const [tax]: { id: number }[] = await db.query("SELECT id FROM taxes WHERE name = 'Population state tax'");
  const [zone] = await db.query('SELECT id FROM tax_zones WHERE tax_id = ?', [tax.id]);
  if (!zone) {
    const ring = [
      [ZONE.minLng, ZONE.minLat],
      [ZONE.maxLng, ZONE.minLat],
      [ZONE.maxLng, ZONE.maxLat],
      [ZONE.minLng, ZONE.maxLat],
      [ZONE.minLng, ZONE.minLat],
    ];
    await db.query('INSERT INTO tax_zones (name, tax_id, geometry, min_lat, max_lat, min_lng, max_lng) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      'Population county',
      tax.id,
      JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
      ZONE.minLat,
      ZONE.maxLat,
      ZONE.minLng,
      ZONE.maxLng,
    ]);
  }
  for (const service of POPULATION_SERVICES) {
    await db.query("INSERT IGNORE INTO services (name, kind, price, ledger_code) VALUES (?, 'recurring', ?, '4000')", [
      service.name,
      service.price,
    ]);
  }
  const services: { id: number }[] = await db.query('SELECT id FROM services WHERE name IN (?) ORDER BY id', [
    POPULATION_SERVICES.map((s) => s.name),
  ]);
  const serviceIds = services.map((s) => Number(s.id));
  await db.query('INSERT IGNORE INTO service_taxes (service_id, tax_id) VALUES ?', [serviceIds.map((id) => [id, tax.id])]);

  const [{ next }]: { next: number | null }[] = await db.query('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM accounts');
  const since = addMonths(opts.billingDate, -2);
  let firstAccountId = 0;
  let lastAccountId = 0;
  for (let done = 0; done < opts.accounts; done += ROWS_PER_INSERT) {
    const rows: unknown[][] = [];
    for (let i = done; i < Math.min(opts.accounts, done + ROWS_PER_INSERT); i++) {
      const n = Number(next) + i;
      // Spread over the zone on a grid of micro-degrees, never on its edge.
      const lat = (ZONE.minLat + 0.5 + ((n * 7919) % 1_000_000) / 1_000_000).toFixed(6);
      const lng = (ZONE.minLng + 0.5 + ((n * 104_729) % 1_000_000) / 1_000_000).toFixed(6);
      rows.push([`Subscriber ${n}`, type.id, status.id, `${n} Population Road`, 'Springfield', 'IL', '62701', 'US', lat, lng, since]);
    }
    const res: { insertId: number; affectedRows: number } = await db.query(
      `INSERT INTO accounts (name, account_type_id, account_status_id, service_line1, service_city, service_region, service_postcode,
         service_country, service_latitude, service_longitude, activated_at) VALUES ?`,
      [rows],
    );
    if (!firstAccountId) firstAccountId = Number(res.insertId);
  }
  const [{ last }]: { last: number }[] = await db.query('SELECT MAX(id) AS last FROM accounts');
  lastAccountId = Number(last);

  if (childEvery > 1) {
    await db.query('UPDATE accounts SET parent_account_id = id - 1 WHERE id BETWEEN ? AND ? AND MOD(id - ?, ?) = ?', [
      firstAccountId + 1,
      lastAccountId,
      firstAccountId,
      childEvery,
      childEvery - 1,
    ]);
  }
  for (let from = firstAccountId; from <= lastAccountId; from += ROWS_PER_INSERT) {
    await db.query(
      // The services start on the billing date, so the run's invoice is their first and no earlier day goes unbilled.
      `INSERT INTO account_services (account_id, service_id, quantity, prorate_on_add, added_on)
       SELECT a.id, s.id, 1, 0, ? FROM accounts a JOIN services s ON s.id IN (?)
        WHERE a.id BETWEEN ? AND ? ORDER BY a.id, s.id`,
      [opts.billingDate, serviceIds, from, Math.min(lastAccountId, from + ROWS_PER_INSERT - 1)],
    );
  }
  await db.query('ANALYZE TABLE accounts, account_services');
  return { firstAccountId, lastAccountId, serviceIds, taxId: Number(tax.id) };
}
