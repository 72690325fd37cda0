import { randomUUID } from 'node:crypto';
import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import { createTestMailbox, TestMailbox } from '../support/test-mailbox';
import type { TestApp } from '../support/test-app';
import { InboundMailService, InboundPollReport } from '../../src/inbound-mail/inbound-mail.service';
import type { AppConfig } from '../../src/config/app-config';

/** A test app reading a folder of its own in the run's Dovecot. */
export async function inboundWorld(overrides: Partial<Record<keyof AppConfig, string>> = {}): Promise<{
  sut: TestApp;
  mailbox: TestMailbox;
  /** One poll, as the workflow's activity runs it. */
  poll: () => Promise<InboundPollReport>;
  close: () => Promise<void>;
}> {
  const mailbox = await createTestMailbox();
  const sut = await createIsolatedTestApp({ INBOUND_MAIL_IMAP_URL: mailbox.imapUrl, ...overrides });
  return {
    sut,
    mailbox,
    poll: () => sut.app.get(InboundMailService).poll(),
    close: async () => {
      await sut.close();
      await mailbox.close();
    },
  };
}

/** An account with a contact at a fresh address (the primary contact unless told otherwise). */
export async function contactOnNewAccount(
  sut: TestApp,
  opts: { address?: string; primary?: boolean } = {},
): Promise<{ accountId: number; contactId: number; address: string }> {
  const accountId = await insertAccount(sut.db);
  const address = opts.address ?? `subscriber-${randomUUID().slice(0, 8)}@example.com`;
  const res = await sut.db.query('INSERT INTO contacts (account_id, name, email, is_primary) VALUES (?, ?, ?, ?)', [
    accountId,
    `Contact ${randomUUID().slice(0, 6)}`,
    address,
    opts.primary === false ? 0 : 1,
  ]);
  return { accountId, contactId: Number(res.insertId), address };
}

export async function ticketGroup(sut: TestApp, inboundAddress: string): Promise<number> {
  const res = await sut.db.query('INSERT INTO ticket_groups (name, inbound_address) VALUES (?, ?)', [
    `Group ${randomUUID().slice(0, 8)}`,
    inboundAddress,
  ]);
  return Number(res.insertId);
}

/** A plain-text message as a subscriber's mail program writes it. */
export function email(parts: {
  from: string;
  to?: string;
  subject: string;
  body?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}): string {
  const lines = [
    `From: Subscriber <${parts.from}>`,
    `To: ${parts.to ?? 'support@backhaul.test'}`,
    `Subject: ${parts.subject}`,
    'Date: Fri, 04 Dec 2026 10:00:00 +0000',
    `Message-ID: ${parts.messageId ?? `<${randomUUID()}@example.com>`}`,
    ...(parts.inReplyTo ? [`In-Reply-To: ${parts.inReplyTo}`] : []),
    ...(parts.references ? [`References: ${parts.references.join(' ')}`] : []),
    ...Object.entries(parts.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    parts.body ?? 'Hello',
    '',
  ];
  return lines.join('\r\n');
}

export const ticketMessages = (sut: TestApp, ticketId: number) =>
  sut.db.query(
    'SELECT id, kind, from_address, body_text, body_html, message_id, in_reply_to FROM ticket_messages WHERE ticket_id = ? ORDER BY id',
    [ticketId],
  ) as Promise<
    { id: number; kind: string; from_address: string | null; body_text: string; body_html: string | null; message_id: string | null }[]
  >;
