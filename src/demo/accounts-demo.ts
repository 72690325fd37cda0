import { DataSource } from 'typeorm';
import { AccountSearchIndexer } from '../accounts/account-search.indexer';
import { transactionWithRetry } from '../database/transaction';

const BATCH = 2000;

/** mulberry32: small, fast and the same sequence for the same seed on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Jane',
  'John',
  'Maria',
  'David',
  'Linda',
  'James',
  'Sofia',
  'Robert',
  'Aisha',
  'Michael',
  'Emma',
  'Carlos',
  'Nora',
  'Wei',
  'Olivia',
  'Samuel',
  'Priya',
  'Daniel',
  'Grace',
  'Tom',
];
const LAST = [
  'Rivera',
  'Smith',
  'Johnson',
  'Nguyen',
  'Garcia',
  'Brown',
  'Miller',
  'Davis',
  'Martinez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Jackson',
  'Patel',
  'Kim',
  'Lopez',
  'Clark',
  'Lewis',
  'Walker',
  'Young',
  'Hall',
  'Allen',
  'King',
];
const BUSINESS = [
  'Hardware',
  'Dental',
  'Bakery',
  'Auto Repair',
  'Farm Supply',
  'Diner',
  'Pharmacy',
  'Veterinary',
  'Insurance',
  'Books',
  'Salon',
  'Feed Store',
];
const STREETS = [
  'Oak',
  'Maple',
  'Cedar',
  'Pine',
  'Elm',
  'Walnut',
  'Main',
  'Church',
  'Mill',
  'Lake',
  'Hill',
  'Prairie',
  'Sunset',
  'Ridge',
  'Willow',
];
const SUFFIXES = ['St', 'Ave', 'Rd', 'Ln', 'Dr', 'Ct'];
const ROLES = ['Owner', 'Spouse', 'Billing', 'Technical', null];
/** Towns the demo ISP serves; accounts cluster around their centres. */
const TOWNS = [
  { city: 'Springfield', region: 'IL', postcode: '62701', area: '217', lat: 39.781721, lon: -89.650148 },
  { city: 'Decatur', region: 'IL', postcode: '62521', area: '217', lat: 39.840315, lon: -88.954804 },
  { city: 'Champaign', region: 'IL', postcode: '61820', area: '217', lat: 40.116421, lon: -88.243385 },
  { city: 'Peoria', region: 'IL', postcode: '61602', area: '309', lat: 40.693649, lon: -89.588986 },
  { city: 'Bloomington', region: 'IL', postcode: '61701', area: '309', lat: 40.484202, lon: -88.993687 },
];

export interface DemoAccountsResult {
  firstAccountId: number;
  lastAccountId: number;
}

async function idsByName(db: DataSource, table: string, names: string[]): Promise<Map<string, number>> {
  const rows: { id: number; name: string }[] = await db.query(`SELECT id, name FROM ${table} WHERE name IN (?)`, [names]);
  return new Map(rows.map((r) => [r.name, Number(r.id)]));
}

async function nextId(db: DataSource, table: string): Promise<number> {
  const [{ maxId }] = await db.query(`SELECT COALESCE(MAX(id), 0) AS maxId FROM ${table}`);
  return Number(maxId) + 1;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
// Coordinates as six-place decimal strings, built from integers so no float formatting decides the digits.
const micro = (degrees: number) => {
  const units = Math.round(degrees * 1e6);
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  return `${sign}${Math.floor(abs / 1e6)}.${pad(abs % 1e6, 6)}`;
};

/**
 * Fills the accounts tables with `size` plausible subscribers: names, clustered
 * service addresses with coordinates, one to three contacts with phones, notes,
 * custom-field values and search documents. Written as multi-row INSERTs in
 * batches straight into the tables, because going through the services one
 * account at a time would take hours at benchmark sizes. The rows' ids are
 * numbered here from the tables' highest, so it is meant for a database nobody
 * else is adding accounts or contacts to while it runs (set-up, benchmarks).
 */
export async function generateDemoAccounts(db: DataSource, size: number, seed = 1): Promise<DemoAccountsResult> {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  await db.query(
    "INSERT IGNORE INTO account_types (name, description) VALUES ('Residential', 'Homes'), ('Business', 'Shops, offices and farms')",
  );
  await db.query(
    `INSERT IGNORE INTO account_statuses (name, counts_as_active, is_delinquency, color) VALUES
       ('Active', 1, 0, '#2e7d32'), ('Pending', 0, 0, '#f9a825'), ('Delinquent', 1, 1, '#c62828'), ('Disconnected', 0, 0, '#607d8b')`,
  );
  // The default status of a disconnection, unless the instance already chose another (one flagged status at most: IGNORE keeps theirs).
  await db.query("UPDATE IGNORE account_statuses SET is_disconnect = 1 WHERE name = 'Disconnected'");
  await db.query(
    "INSERT IGNORE INTO account_groups (name, description) VALUES ('Fiber', 'FTTH customers'), ('Fixed wireless', 'Tower customers'), ('Seniors discount', '')",
  );
  await db.query("INSERT IGNORE INTO message_categories (name, is_default) VALUES ('Billing', 1), ('Outages', 1), ('Marketing', 0)");
  await db.query(
    `INSERT IGNORE INTO custom_fields (entity_type, name, type, required, is_unique, pattern, example, position) VALUES
       ('account', 'Circuit ID', 'text', 0, 1, '^CIR-[0-9]{6}$', 'CIR-004211', 1), ('account', 'Install date', 'date', 0, 0, NULL, NULL, 2)`,
  );
  // Demo data made before fields had examples gets one too.
  await db.query(
    "UPDATE custom_fields SET example = 'CIR-004211' WHERE name = 'Circuit ID' AND pattern = '^CIR-[0-9]{6}$' AND example IS NULL",
  );
  const types = await idsByName(db, 'account_types', ['Residential', 'Business']);
  const statuses = await idsByName(db, 'account_statuses', ['Active', 'Pending', 'Delinquent', 'Disconnected']);
  const groupIds = [...(await idsByName(db, 'account_groups', ['Fiber', 'Fixed wireless', 'Seniors discount'])).values()];
  const defaultCategories = [...(await idsByName(db, 'message_categories', ['Billing', 'Outages'])).values()];
  const fields = await idsByName(db, 'custom_fields', ['Circuit ID', 'Install date']);
  const [author] = await db.query('SELECT MIN(id) AS id FROM staff_users');
  const authorId: number | null = author?.id ? Number(author.id) : null;
  const statusWeights: [string, number][] = [
    ['Active', 0.82],
    ['Pending', 0.05],
    ['Delinquent', 0.08],
    ['Disconnected', 0.05],
  ];
  const pickStatus = () => {
    let r = random();
    for (const [name, weight] of statusWeights) if ((r -= weight) < 0) return name;
    return 'Active';
  };

  const firstAccountId = await nextId(db, 'accounts');
  let contactId = await nextId(db, 'contacts');
  const indexer = new AccountSearchIndexer();

  for (let start = 0; start < size; start += BATCH) {
    const accounts: unknown[][] = [];
    const members: unknown[][] = [];
    const contacts: unknown[][] = [];
    const phones: unknown[][] = [];
    const categories: unknown[][] = [];
    const notes: unknown[][] = [];
    const values: unknown[][] = [];
    const end = Math.min(size, start + BATCH);
    for (let i = start; i < end; i++) {
      const id = firstAccountId + i;
      const town = pick(TOWNS);
      const last = pick(LAST);
      const business = i % 40 === 1 || random() < 0.1;
      // Every fortieth account is a business with the next two as its sites, so parents and children exist.
      const parentId = i % 40 === 2 || i % 40 === 3 ? id - (i % 40) + 1 : null;
      const name = business ? `${last} ${pick(BUSINESS)}` : `${pick(FIRST)} ${last}`;
      const status = pickStatus();
      const activated = status === 'Pending' ? null : new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 6 * 365) * 86400000);
      accounts.push([
        id,
        parentId ? `${name} site ${i % 40 === 2 ? 'A' : 'B'}` : name,
        types.get(business || parentId ? 'Business' : 'Residential'),
        statuses.get(status),
        parentId,
        activated,
        `${1 + Math.floor(random() * 9899)} ${pick(STREETS)} ${pick(SUFFIXES)}`,
        town.city,
        town.region,
        town.postcode,
        'US',
        micro(town.lat + (random() - 0.5) * 0.12),
        micro(town.lon + (random() - 0.5) * 0.16),
      ]);
      if (random() < 0.6) members.push([id, pick(groupIds)]);
      const contactCount = 1 + Math.floor(random() * 3);
      for (let c = 0; c < contactCount; c++) {
        const first = pick(FIRST);
        const email = `${first.toLowerCase()}.${last.toLowerCase()}${id}${c ? `.${c}` : ''}@example.com`;
        contacts.push([contactId, id, `${first} ${last}`, c === 0 ? 'Owner' : pick(ROLES), email, c === 0 ? 1 : 0]);
        // The 555 exchange marks the numbers as made up to anyone reading them.
        const line = () => `+1${town.area}555${pad(Math.floor(random() * 10000), 4)}`;
        phones.push([contactId, 'mobile', line()]);
        if (random() < 0.4) phones.push([contactId, 'home', line()]);
        for (const category of defaultCategories) categories.push([contactId, category]);
        contactId++;
      }
      if (authorId && random() < 0.3)
        notes.push([id, authorId, pick(['Prefers email.', 'Dog on premises.', 'Gate code 4412.', 'Asked about fiber upgrade.'])]);
      values.push([fields.get('Circuit ID'), id, `CIR-${pad(id % 1000000, 6)}`, `CIR-${pad(id % 1000000, 6)}`]);
      if (activated) values.push([fields.get('Install date'), id, activated.toISOString().slice(0, 10), null]);
    }
    await transactionWithRetry(db, async (em) => {
      await em.query(
        `INSERT INTO accounts (id, name, account_type_id, account_status_id, parent_account_id, activated_at,
           service_line1, service_city, service_region, service_postcode, service_country, service_latitude, service_longitude) VALUES ?`,
        [accounts],
      );
      if (members.length) await em.query('INSERT INTO account_group_members (account_id, group_id) VALUES ?', [members]);
      await em.query('INSERT INTO contacts (id, account_id, name, role, email, is_primary) VALUES ?', [contacts]);
      await em.query('INSERT INTO contact_phones (contact_id, type, number) VALUES ?', [phones]);
      if (categories.length)
        await em.query('INSERT INTO contact_message_categories (contact_id, message_category_id) VALUES ?', [categories]);
      if (notes.length) await em.query('INSERT INTO account_notes (account_id, author_user_id, body) VALUES ?', [notes]);
      await em.query('INSERT INTO custom_field_values (custom_field_id, account_id, value, unique_value) VALUES ?', [values]);
      await indexer.refreshRange(em, firstAccountId + start, firstAccountId + end - 1);
    });
  }
  return { firstAccountId, lastAccountId: firstAccountId + size - 1 };
}
