import { randomUUID } from 'node:crypto';
import { insertAccount } from '../notes/account-fixture';
import type { TestApp } from '../support/test-app';

export { auditEntries, insertAccount, newRequestId } from '../notes/account-fixture';

/** A ticket as the API answers it (the fields the specs look at). */
export interface TicketBody {
  id: number;
  accountId: number | null;
  subject: string;
  statusId: number;
  statusName: string;
  statusKind: 'open' | 'pending' | 'closed';
  priority: string;
  groupId: number | null;
  assigneeUserId: number | null;
  assigneeName: string | null;
  visibility: 'internal' | 'public';
  dueDate: string | null;
  overdue: boolean;
  source: string;
  parentTicketId: number | null;
  mergedIntoTicketId: number | null;
  firstRespondedAt: string | null;
  linkCounts: { tasks: number; files: number; jobs: number; inventoryItems: number; childTickets: number };
  description?: string | null;
  recipients?: { id: number; contactId: number | null; address: string }[];
  links?: { id: number; kind: string; targetId: number; label: string | null }[];
  messages?: {
    id: number;
    kind: string;
    writtenOnTicketId: number;
    bodyText: string;
    messageId: string | null;
    emails: { emailId: number }[];
    attachments: { id: number; name: string; accountFileId: number | null }[];
  }[];
  children?: { id: number }[];
  mergedFrom?: { id: number }[];
  callLogTicketRequestId?: number | null;
}

/** Calls the API as one user. */
export function as(sut: TestApp, token: string) {
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  return {
    get: (path: string) => auth(sut.http().get(path)),
    post: (path: string, body: object = {}) => auth(sut.http().post(path)).send(body),
    patch: (path: string, body: object) => auth(sut.http().patch(path)).send(body),
    put: (path: string, body: object) => auth(sut.http().put(path)).send(body),
    delete: (path: string) => auth(sut.http().delete(path)),
  };
}

export type Api = ReturnType<typeof as>;

/** An account with a primary contact at a fresh address. */
export async function accountWithContact(
  sut: TestApp,
  label = 'Tickets',
): Promise<{ accountId: number; contactId: number; address: string }> {
  const accountId = await insertAccount(sut, `${label} ${randomUUID().slice(0, 6)}`);
  const address = `${label.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  const res = await sut.db.query('INSERT INTO contacts (account_id, name, email, is_primary) VALUES (?, ?, ?, 1)', [
    accountId,
    `Contact ${randomUUID().slice(0, 6)}`,
    address,
  ]);
  return { accountId, contactId: Number(res.insertId), address };
}

export const listFilter = (filter: object, sort?: [string, 'ASC' | 'DESC']) =>
  `filter=${encodeURIComponent(JSON.stringify(filter))}${sort ? `&sort=${encodeURIComponent(JSON.stringify(sort))}` : ''}`;

export const countRows = async (sut: TestApp, sql: string, params: unknown[] = []): Promise<number> =>
  Number((await sut.db.query(sql, params))[0].n);
