import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';

export interface TestMailbox {
  /** INBOUND_MAIL_IMAP_URL for a test app reading this folder. */
  imapUrl: string;
  folder: string;
  /** Delivers a message into the folder as a mail server would (IMAP APPEND); resolves with its UID. */
  append(raw: string | Buffer): Promise<number>;
  /** The folder's messages: UID and whether they are flagged \Seen. */
  messages(): Promise<{ uid: number; seen: boolean }[]>;
  /** Takes the \Seen flag off every message, as a person marking them unread would. */
  markAllUnseen(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A folder of its own in the run's Dovecot mailbox (TEST_IMAP_URL, started by `npm test`), so
 * specs running side by side never read each other's mail. The folder is deleted on close.
 */
export async function createTestMailbox(): Promise<TestMailbox> {
  const base = process.env.TEST_IMAP_URL;
  if (!base) throw new Error('TEST_IMAP_URL is not set: run this spec through `npm test -- <spec>`, which starts Dovecot');
  const url = new URL(base);
  const folder = `spec-${Date.now()}-${randomBytes(4).toString('hex')}`;
  const client = new ImapFlow({
    host: url.hostname,
    port: Number(url.port),
    secure: false,
    auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    logger: false,
  });
  await client.connect();
  await client.mailboxCreate(folder);
  const inFolder = async <T>(work: () => Promise<T>): Promise<T> => {
    const lock = await client.getMailboxLock(folder);
    try {
      return await work();
    } finally {
      lock.release();
    }
  };
  return {
    imapUrl: `${url.protocol}//${url.username}:${url.password}@${url.host}/${encodeURIComponent(folder)}`,
    folder,
    append: async (raw) => {
      const appended = await client.append(folder, typeof raw === 'string' ? Buffer.from(raw.replace(/\r?\n/g, '\r\n')) : raw);
      if (!appended || !appended.uid) throw new Error('The server did not say which UID the appended message got');
      return appended.uid;
    },
    messages: () =>
      inFolder(async () => {
        const out: { uid: number; seen: boolean }[] = [];
        if (client.mailbox && client.mailbox.exists === 0) return out;
        for await (const m of client.fetch('1:*', { uid: true, flags: true }))
          out.push({ uid: m.uid, seen: m.flags?.has('\\Seen') ?? false });
        return out;
      }),
    markAllUnseen: () =>
      inFolder(async () => {
        if (client.mailbox && client.mailbox.exists > 0) await client.messageFlagsRemove('1:*', ['\\Seen']);
      }),
    close: async () => {
      await client.mailboxDelete(folder).catch(() => undefined);
      await client.logout().catch(() => client.close());
    },
  };
}
