import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { Permission } from '../../src/auth/permission';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { insertAccount } from '../notes/account-fixture';
import { SmtpPeer } from '../support/smtp-peer';
import { createIsolatedTestApp } from '../support/isolated-database';
import { createTestApp, TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

export interface JobBody {
  id: number;
  accountId: number;
  accountName: string;
  jobTypeId: number;
  jobTypeName: string;
  status: string;
  durationMinutes: number;
  startsAt: string | null;
  endsAt: string | null;
  technicians: { id: number; name: string; color: string }[];
  notes: string | null;
  hasNotes: boolean;
  ticketId: number | null;
  ticketSubject: string | null;
  taskCount: number;
  fileCount: number;
  statusReason: string | null;
  completedAt: string | null;
  completionResult: Record<string, unknown> | null;
  actions: string[];
  links?: { kind: string; targetId: number; title: string }[];
}

export interface JobsWorld {
  sut: TestApp;
  token: string;
  peer: SmtpPeer | null;
  client: Client;
  close: () => Promise<void>;
}

/**
 * The app with, when asked, a real worker on its own task queue, an SMTP peer its
 * emails go to, and a database of its own (for tests that change the instance's
 * reminder lead time or count every row). The token belongs to a user holding every jobs and accounts permission.
 */
export async function jobsWorld(opts: { smtp?: boolean; worker?: boolean; isolated?: boolean } = {}): Promise<JobsWorld> {
  const peer = opts.smtp ? await SmtpPeer.start() : null;
  const sut = await (opts.isolated ? createIsolatedTestApp : createTestApp)({
    ...(peer && { SMTP_URL: peer.url, EMAIL_RETRY_INITIAL_SECONDS: '1', EMAIL_RETRY_MAX_INTERVAL_SECONDS: '2', SMTP_TIMEOUT_SECONDS: '5' }),
  });
  const worker = opts.worker ? await startTestWorker(sut) : null;
  const { token } = await sut.userWith([
    Permission.JobsRead,
    Permission.JobsWrite,
    Permission.JobsConfigure,
    Permission.AccountsRead,
    Permission.AccountsManage,
    Permission.CorrespondenceRead,
  ]);
  return {
    sut,
    token,
    peer,
    client: sut.app.get<Client>(TEMPORAL_CLIENT),
    close: async () => {
      await worker?.stop();
      await sut.close();
      await peer?.close();
    },
  };
}

/** A random name part in letters only, so that a search for a job's number never matches a name. */
const letters = (): string =>
  randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 10)
    .padEnd(6, 'x');

export function call(w: JobsWorld, method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: object) {
  const req = w.sut.http()[method](path).set('Authorization', `Bearer ${w.token}`);
  return body === undefined ? req : req.send(body);
}

/** An account with a primary contact at a unique address; its status does not count as active unless asked. */
export async function account(
  w: JobsWorld,
  opts: { active?: boolean } = {},
): Promise<{ accountId: number; email: string; statusId: number }> {
  const accountId = await insertAccount(w.sut, `Subscriber ${letters()}`);
  // The fixture adds a suffix with digits; letters only, so that a search for a job's number never matches the name.
  await w.sut.db.query('UPDATE accounts SET name = ? WHERE id = ?', [`Subscriber ${letters()}`, accountId]);
  const [{ statusId }]: { statusId: number }[] = await w.sut.db.query('SELECT account_status_id AS statusId FROM accounts WHERE id = ?', [
    accountId,
  ]);
  await w.sut.db.query('UPDATE account_statuses SET counts_as_active = ? WHERE id = ?', [opts.active ? 1 : 0, statusId]);
  const email = `subscriber-${randomUUID().slice(0, 8)}@example.com`;
  await w.sut.db.query('INSERT INTO contacts (account_id, name, email, is_primary) VALUES (?, ?, ?, 1)', [
    accountId,
    'Jane Subscriber',
    email,
  ]);
  return { accountId, email, statusId: Number(statusId) };
}

export async function activeStatus(w: JobsWorld): Promise<number> {
  const res = await w.sut.db.query('INSERT INTO account_statuses (name, counts_as_active) VALUES (?, 1)', [
    `Active ${randomUUID().slice(0, 8)}`,
  ]);
  return Number(res.insertId);
}

export async function jobType(w: JobsWorld, body: Record<string, unknown> = {}): Promise<{ id: number; name: string }> {
  const res = await call(w, 'post', '/api/job-types', { name: `Repair ${letters()}`, defaultDurationMinutes: 60, ...body });
  if (res.status !== 201) throw new Error(`job type: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; name: string };
}

/** A staff user made a technician; answers its id (the user's id). */
export async function technician(w: JobsWorld): Promise<number> {
  const user = await w.sut.userWith([]);
  await call(w, 'post', '/api/technicians', { userId: user.id }).expect(201);
  return user.id;
}

export async function job(w: JobsWorld, accountId: number, jobTypeId: number, body: Record<string, unknown> = {}): Promise<JobBody> {
  const res = await call(w, 'post', `/api/accounts/${accountId}/jobs`, { jobTypeId, ...body });
  if (res.status !== 201) throw new Error(`job: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as JobBody;
}

export async function getJob(w: JobsWorld, id: number): Promise<JobBody> {
  return (await call(w, 'get', `/api/jobs/${id}`).expect(200)).body as JobBody;
}

/** A moment `minutes` from now on the real clock, as the API takes it. */
export const inMinutes = (minutes: number): string => new Date(Date.now() + minutes * 60_000).toISOString();

/** A whole hour some days ahead, so that tests booking side by side never meet a reminder. */
export function daysAhead(days: number, hour = 9): Date {
  const at = new Date(Date.now() + days * 24 * 3600_000);
  at.setUTCHours(hour, 0, 0, 0);
  return at;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Rows of the tables jobs write, to show that a refused request wrote nothing. */
export async function jobTableCounts(w: JobsWorld): Promise<Record<string, number>> {
  const [row] = await w.sut.db.query(
    `SELECT (SELECT COUNT(*) FROM jobs) AS jobs, (SELECT COUNT(*) FROM job_technicians) AS job_technicians,
            (SELECT COUNT(*) FROM job_types) AS job_types, (SELECT COUNT(*) FROM technicians) AS technicians,
            (SELECT COUNT(*) FROM job_attachments) AS job_attachments, (SELECT COUNT(*) FROM emails) AS emails,
            (SELECT COUNT(*) FROM action_history) AS action_history`,
  );
  return Object.fromEntries(Object.entries(row as Record<string, unknown>).map(([k, v]) => [k, Number(v)]));
}
