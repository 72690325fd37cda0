import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { BillingWorld } from '../billing/billing-world';

export const unique = () => randomUUID().slice(0, 8);

export interface DisconnectionBody {
  id: number;
  accountId: number;
  disconnectedAt: string;
  disconnectedOn: string;
  disconnectedBy: { id: number; name: string } | null;
  address: {
    line1: string;
    line2: string | null;
    city: string;
    region: string;
    postcode: string;
    country: string;
    latitude: string | null;
    longitude: string | null;
    formatted: string;
  };
  previousStatus: { id: number | null; name: string; color: string | null };
  status: { id: number | null; name: string; color: string | null };
  finalInvoice: { id: number; number: string; total: number; remaining: number } | null;
  reason: string | null;
  currency: string;
}

export interface AccountServiceBody {
  id: number;
  removedOn: string | null;
  chargedThrough: string | null;
}

/** A status of the test's own, through the API; `countsAsActive` false is what a disconnection needs. */
export async function createStatus(w: BillingWorld, countsAsActive: boolean): Promise<{ id: number; name: string }> {
  const name = `${countsAsActive ? 'Active' : 'Disconnected'} ${unique()}`;
  const res = await w.post('/api/account-statuses', { name, countsAsActive, color: '#455a64' }).expect(201);
  return { id: res.body.id as number, name };
}

export async function accountServices(w: BillingWorld, accountId: number): Promise<AccountServiceBody[]> {
  const filter = encodeURIComponent(JSON.stringify({ accountId, includeRemoved: true }));
  return (await w.get(`/api/account-services?filter=${filter}&range=[0,99]`).expect(200)).body as AccountServiceBody[];
}

export async function disconnections(w: BillingWorld, accountId: number): Promise<DisconnectionBody[]> {
  return (await w.get(`/api/accounts/${accountId}/disconnections`).expect(200)).body as DisconnectionBody[];
}

/** Everything a disconnection writes for an account, read straight from the tables: equal before and after means nothing was written. */
export async function footprint(db: DataSource, accountId: number) {
  const [row] = await db.query(
    `SELECT a.account_status_id AS statusId, a.disconnected_at AS disconnectedAt,
            (SELECT COUNT(*) FROM transactions t WHERE t.account_id = a.id) AS transactions,
            (SELECT COUNT(*) FROM invoices i WHERE i.account_id = a.id) AS invoices,
            (SELECT COUNT(*) FROM account_services s WHERE s.account_id = a.id AND s.removed_on IS NULL) AS activeServices,
            (SELECT COUNT(*) FROM account_disconnections d WHERE d.account_id = a.id) AS disconnections,
            (SELECT COUNT(*) FROM action_history h WHERE h.account_id = a.id) AS auditEntries
       FROM accounts a WHERE a.id = ?`,
    [accountId],
  );
  return {
    statusId: Number(row.statusId),
    disconnectedAt: row.disconnectedAt as Date | null,
    transactions: Number(row.transactions),
    invoices: Number(row.invoices),
    activeServices: Number(row.activeServices),
    disconnections: Number(row.disconnections),
    auditEntries: Number(row.auditEntries),
  };
}

/** Action-history entries written under one request id. */
export async function auditActions(db: DataSource, requestId: string): Promise<{ action: string; entityId: string; after: unknown }[]> {
  const rows: { action: string; entity_id: string; after_state: unknown }[] = await db.query(
    'SELECT action, entity_id, after_state FROM action_history WHERE request_id = ? ORDER BY id',
    [requestId],
  );
  return rows.map((r) => ({
    action: r.action,
    entityId: r.entity_id,
    after: typeof r.after_state === 'string' ? JSON.parse(r.after_state) : r.after_state,
  }));
}
