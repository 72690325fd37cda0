import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/auth/permission';
import { TicketDeadlineTimers } from '../../src/ticket-deadlines/ticket-deadline-timers';
import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { SmtpPeer } from '../support/smtp-peer';
import type { TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

export interface Staff {
  id: number;
  email: string;
}

export interface BreachRow {
  kind: string;
  priority_before: string;
  priority_raised: number;
  notified_users: number;
  account_task_id: number | null;
}

/**
 * An app on a database of its own (business hours and targets are instance-wide, so no
 * other suite may feel them), a worker on its task queue, a real SMTP peer the staff
 * notices reach, and a Temporal client. Timers run on the real clock: targets are seconds.
 */
export class DeadlinesWorld {
  token = '';

  private constructor(
    readonly sut: TestApp,
    readonly peer: SmtpPeer,
    readonly client: Client,
    private readonly connection: Connection,
    private readonly stopWorker: () => Promise<void>,
  ) {}

  static async start(): Promise<DeadlinesWorld> {
    const peer = await SmtpPeer.start();
    const sut = await createIsolatedTestApp({
      SMTP_URL: peer.url,
      EMAIL_RETRY_INITIAL_SECONDS: '1',
      EMAIL_RETRY_MAX_INTERVAL_SECONDS: '2',
    });
    const { stop } = await startTestWorker(sut);
    const connection = await Connection.connect({ address: sut.config.TEMPORAL_ADDRESS });
    const client = new Client({ connection, namespace: sut.config.TEMPORAL_NAMESPACE });
    const world = new DeadlinesWorld(sut, peer, client, connection, stop);
    world.token = (await sut.admin()).token;
    return world;
  }

  async close(): Promise<void> {
    await this.sut.app.get(TicketDeadlineTimers).settled();
    await this.stopWorker();
    await this.connection.close();
    await this.sut.close();
    await this.peer.close();
  }

  async call(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: object, token = this.token) {
    const req = this.sut.http()[method](path).set('Authorization', `Bearer ${token}`);
    return body === undefined ? req : req.send(body);
  }

  async ok(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, body?: object) {
    const res = await this.call(method, path, body);
    if (res.status >= 300) throw new Error(`${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A staff user who can see tickets. */
  async staff(): Promise<Staff> {
    const user = await this.sut.userWith([Permission.TicketsRead, Permission.TicketsWrite]);
    return { id: user.id, email: user.email };
  }

  async group(members: Staff[]): Promise<number> {
    const group = await this.ok('post', '/api/ticket-groups', {
      name: `Group ${randomUUID().slice(0, 8)}`,
      memberUserIds: members.map((m) => m.id),
    });
    return group.id as number;
  }

  async account(): Promise<number> {
    return insertAccount(this.sut.db);
  }

  /** A public ticket on the account with one outside recipient, so a public reply can go out. */
  async openTicket(accountId: number, fields: { groupId?: number; assigneeUserId?: number; priority?: string } = {}): Promise<number> {
    const ticket = await this.ok('post', `/api/accounts/${accountId}/tickets`, {
      subject: `No internet ${randomUUID().slice(0, 6)}`,
      visibility: 'public',
      recipients: [{ address: `subscriber-${randomUUID().slice(0, 6)}@example.org` }],
      ...fields,
    });
    return ticket.id as number;
  }

  async breaches(ticketId: number): Promise<BreachRow[]> {
    return this.sut.db.query(
      'SELECT kind, priority_before, priority_raised, notified_users, account_task_id FROM ticket_deadline_breaches WHERE ticket_id = ? ORDER BY id',
      [ticketId],
    );
  }

  async priority(ticketId: number): Promise<string> {
    const [row]: { priority: string }[] = await this.sut.db.query('SELECT priority FROM tickets WHERE id = ?', [ticketId]);
    return row.priority;
  }

  async statusId(kind: 'open' | 'pending' | 'closed'): Promise<number> {
    const [row]: { id: number }[] = await this.sut.db.query('SELECT id FROM ticket_statuses WHERE kind = ? ORDER BY position, id LIMIT 1', [
      kind,
    ]);
    return Number(row.id);
  }

  /** Staff notices of the ticket that reached the SMTP peer. */
  noticesOf(ticketId: number) {
    return this.peer.accepted.filter((m) => (m.subject ?? '').startsWith(`Ticket ${ticketId} missed`));
  }

  async tasksOf(accountId: number): Promise<{ id: number; title: string; assigned_user_id: number | null }[]> {
    return this.sut.db.query('SELECT id, title, assigned_user_id FROM account_tasks WHERE account_id = ? ORDER BY id', [accountId]);
  }
}

/** Polls until `check` gives something other than undefined, failing after the deadline. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
