import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../src/config/app-config';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { workflowIds } from '../../workflows/shared';
import { BillingWorld } from '../billing/billing-world';
import { insertAccount } from '../notes/account-fixture';
import { PeerAnswer, SmtpPeer } from '../support/smtp-peer';
import { createTestApp, TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

export interface EmailBody {
  id: number;
  accountId: number | null;
  contactId: number | null;
  to: string;
  subject: string;
  status: 'queued' | 'sent' | 'rejected' | 'invalid';
  rejectReason: string | null;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  categoryId: number | null;
  categoryName: string | null;
  templateKey: string | null;
  related: { type: string; id: number } | null;
  attachments: { id: number; filename: string; kind: string; sourceId: number }[];
  text: string;
  html: string | null;
  serverReply: string | null;
  messageId: string;
}

export interface EmailWorld {
  peer: SmtpPeer;
  sut: TestApp;
  w: BillingWorld;
  close: () => Promise<void>;
}

/**
 * A scripted SMTP peer, an app whose SMTP_URL points at it, and a worker on the app's
 * own task queue. Retries wait about a second so a deferral costs seconds, not minutes.
 */
export async function emailWorld(
  script: PeerAnswer[],
  overrides: Partial<Record<keyof AppConfig, string>> = {},
  login?: { peer: { user: string; pass: string }; app: { user: string; pass: string } },
): Promise<EmailWorld> {
  const peer = await SmtpPeer.start(script, login?.peer);
  const url = new URL(peer.url);
  if (login) {
    url.username = encodeURIComponent(login.app.user);
    url.password = encodeURIComponent(login.app.pass);
  }
  const sut = await createTestApp({
    SMTP_URL: url.toString(),
    EMAIL_RETRY_INITIAL_SECONDS: '1',
    EMAIL_RETRY_MAX_INTERVAL_SECONDS: '2',
    SMTP_TIMEOUT_SECONDS: '5',
    ...overrides,
  });
  const { stop } = await startTestWorker(sut);
  const w = await new BillingWorld(sut).init();
  return {
    peer,
    sut,
    w,
    close: async () => {
      await stop();
      await sut.close();
      await peer.close();
    },
  };
}

/** An account with one contact at `email` (written straight to the table, so any string fits). */
export async function accountWithContact(sut: TestApp, email: string | null): Promise<{ accountId: number; contactId: number }> {
  const accountId = await insertAccount(sut, 'Mail');
  const res = await sut.db.query('INSERT INTO contacts (account_id, name, email, is_primary) VALUES (?, ?, ?, 1)', [
    accountId,
    `Contact ${randomUUID().slice(0, 8)}`,
    email,
  ]);
  return { accountId, contactId: Number(res.insertId) };
}

/** A unique address at a reserved test domain. */
export const someAddress = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

export async function email(w: BillingWorld, id: number): Promise<EmailBody> {
  return (await w.get(`/api/emails/${id}`).expect(200)).body as EmailBody;
}

/** Polls the email until it leaves `queued`, failing after a deadline. */
export async function settled(w: BillingWorld, id: number, timeoutMs = 30_000): Promise<EmailBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await email(w, id);
    if (current.status !== 'queued') return current;
    if (Date.now() > deadline) throw new Error(`email ${id} is still queued after ${current.attempts} tries (${current.lastError})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The workflow that delivers the email: the batch that claimed it, or else its own. */
async function deliveryWorkflowId(sut: TestApp, emailId: number): Promise<string> {
  const [row]: { batch_id: string | null }[] = await sut.db.query('SELECT batch_id FROM emails WHERE id = ?', [emailId]);
  return row?.batch_id ?? workflowIds.emailDelivery(emailId);
}

/**
 * Waits for the email's delivery workflow to close and returns its run id. A closed
 * delivery tries nothing more, so "nothing else happened" can be checked right after.
 */
export async function deliveryClosed(sut: TestApp, emailId: number): Promise<string> {
  const handle = sut.app.get<Client>(TEMPORAL_CLIENT).workflow.getHandle(await deliveryWorkflowId(sut, emailId));
  await handle.result();
  return (await handle.describe()).runId;
}

/** Whether a delivery workflow was ever started for the email. */
export async function deliveryStarted(sut: TestApp, emailId: number): Promise<boolean> {
  try {
    await sut.app
      .get<Client>(TEMPORAL_CLIENT)
      .workflow.getHandle(await deliveryWorkflowId(sut, emailId))
      .describe();
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}
