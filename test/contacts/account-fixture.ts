import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Inserts a bare account (with its own type and status) straight into the tables,
 * so contact and custom-field tests do not depend on the accounts API.
 */
export async function insertAccount(db: DataSource, name = `Account ${randomUUID().slice(0, 8)}`): Promise<number> {
  const suffix = randomUUID();
  const type = await db.query('INSERT INTO account_types (name) VALUES (?)', [`Type ${suffix}`]);
  const status = await db.query('INSERT INTO account_statuses (name) VALUES (?)', [`Status ${suffix}`]);
  const account = await db.query(
    `INSERT INTO accounts (name, account_type_id, account_status_id, service_line1, service_city, service_region, service_postcode, service_country)
     VALUES (?, ?, ?, '12 Oak St', 'Springfield', 'IL', '62701', 'US')`,
    [name, type.insertId, status.insertId],
  );
  return Number(account.insertId);
}

/** Action-history rows written under one request id, read straight from the table. */
export async function auditEntries(
  db: DataSource,
  requestId: string,
): Promise<{ action: string; entityType: string; entityId: string; accountId: number | null; before: unknown; after: unknown }[]> {
  const rows: {
    action: string;
    entity_type: string;
    entity_id: string;
    account_id: number | null;
    before_state: unknown;
    after_state: unknown;
  }[] = await db.query(
    'SELECT action, entity_type, entity_id, account_id, before_state, after_state FROM action_history WHERE request_id = ? ORDER BY id',
    [requestId],
  );
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return rows.map((r) => ({
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    accountId: r.account_id === null ? null : Number(r.account_id),
    before: json(r.before_state),
    after: json(r.after_state),
  }));
}
