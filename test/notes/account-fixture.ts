import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/test-app';

/**
 * An account inserted straight into the tables, so these suites do not depend on
 * the accounts API. Names carry a random suffix because suites share one database.
 */
export async function insertAccount(sut: TestApp, name = 'Fixture Account'): Promise<number> {
  const suffix = randomUUID().slice(0, 8);
  const type = await sut.db.query('INSERT INTO account_types (name) VALUES (?)', [`Type ${suffix}`]);
  const status = await sut.db.query('INSERT INTO account_statuses (name) VALUES (?)', [`Status ${suffix}`]);
  const account = await sut.db.query(
    `INSERT INTO accounts (name, account_type_id, account_status_id,
       service_line1, service_city, service_region, service_postcode, service_country)
     VALUES (?, ?, ?, '12 Oak St', 'Springfield', 'IL', '62701', 'US')`,
    [`${name} ${suffix}`, type.insertId, status.insertId],
  );
  return account.insertId as number;
}

/** How many action-history entries one request wrote, with their account ids. */
export async function auditEntries(
  sut: TestApp,
  requestId: string,
): Promise<{ accountId: number | null; actorUserId: number | null; action: string; entityType: string }[]> {
  const rows: { account_id: number | null; actor_user_id: number | null; action: string; entity_type: string }[] = await sut.db.query(
    'SELECT account_id, actor_user_id, action, entity_type FROM action_history WHERE request_id = ? ORDER BY id',
    [requestId],
  );
  return rows.map((r) => ({ accountId: r.account_id, actorUserId: r.actor_user_id, action: r.action, entityType: r.entity_type }));
}

export const newRequestId = (label: string) => `${label}-${randomUUID()}`;
