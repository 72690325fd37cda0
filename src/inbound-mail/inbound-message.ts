import { createHash } from 'node:crypto';
import { AddressObject, simpleParser, type ParsedMail } from 'mailparser';
import { TICKET_BODY_MAX_LENGTH } from '../tickets/dto/ticket-fields';
import { sanitizeMailHtml, textOfHtml } from './mail-html';

/** Sanitised HTML larger than this is left out (the text and the raw message stay). */
export const HTML_MAX_LENGTH = 1_000_000;

/** A message read from the mailbox, ready to file, its attachments not yet stored. */
export interface ReadMessage {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  fromAddress: string | null;
  toAddresses: string[];
  sentAt: Date | null;
  bodyText: string;
  bodyHtml: string | null;
  attachments: { name: string; declaredType: string; content: Buffer }[];
  /** What reading left out, one sentence each. */
  notes: string[];
}

/** Headers only, for a message too large to read whole. */
export interface MessageHeaders {
  messageId: string | null;
  subject: string;
  fromAddress: string | null;
  toAddresses: string[];
  sentAt: Date | null;
}

/**
 * The key that makes a message one row however often it arrives: its Message-ID, or, for a
 * message without a usable one, a SHA-256 of what identifies it (its raw bytes).
 */
export function dedupeKey(messageId: string | null, identity: Buffer): string {
  if (messageId && messageId.length <= 250 && /^[\x21-\x7e]+$/.test(messageId)) return messageId;
  const hash = createHash('sha256');
  if (messageId) hash.update(`message-id:${messageId}`);
  else hash.update(identity);
  return `sha256:${hash.digest('hex')}`;
}

/** A Message-ID as threading compares it: `<…>`, no spaces, at most 255 characters; else null. */
export function normalMessageId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const id = /^<[^<>\s]+>$/.test(trimmed) ? trimmed : /^[^<>\s]+@[^<>\s]+$/.test(trimmed) ? `<${trimmed}>` : null;
  return id && id.length <= 255 ? id : null;
}

function addressesOf(value: AddressObject | AddressObject[] | undefined): string[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: string[] = [];
  const visit = (entries: { address?: string; group?: unknown[] }[]) => {
    for (const entry of entries) {
      if (entry.address) out.push(entry.address.trim().toLowerCase());
      if (Array.isArray(entry.group)) visit(entry.group as { address?: string }[]);
    }
  };
  for (const object of objects) visit(object.value);
  return out;
}

function headerAddresses(parsed: ParsedMail, name: string): string[] {
  const value = parsed.headers.get(name);
  const texts = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return texts
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : addressesOf(v as AddressObject)))
    .map((v) => v.trim().replace(/^<|>$/g, '').toLowerCase())
    .filter((v) => /^[^\s@<>]+@[^\s@<>]+$/.test(v));
}

/** Where the mail went: the server's delivery headers first, then To and Cc; no repeats. */
function recipientsOf(parsed: ParsedMail): string[] {
  return [
    ...new Set([
      ...headerAddresses(parsed, 'delivered-to'),
      ...headerAddresses(parsed, 'x-original-to'),
      ...addressesOf(parsed.to),
      ...addressesOf(parsed.cc),
    ]),
  ];
}

function fromOf(parsed: ParsedMail): string | null {
  const [from] = addressesOf(parsed.from);
  return from && from.length <= 254 && /^[^\s@<>]+@[^\s@<>]+$/.test(from) ? from : null;
}

const validDate = (date: Date | undefined): Date | null =>
  date instanceof Date && !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1970 && date.getUTCFullYear() <= 9999 ? date : null;

function referencesOf(parsed: ParsedMail): string[] {
  const list = parsed.references === undefined ? [] : Array.isArray(parsed.references) ? parsed.references : parsed.references.split(/\s+/);
  return list.map(normalMessageId).filter((id): id is string => id !== null);
}

/** Parses the headers of a message (a header block is a message without a body). */
export async function readHeaders(header: Buffer): Promise<MessageHeaders> {
  const parsed = await simpleParser(header, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  return {
    messageId: normalMessageId(parsed.messageId),
    subject: parsed.subject ?? '',
    fromAddress: fromOf(parsed),
    toAddresses: recipientsOf(parsed),
    sentAt: validDate(parsed.date),
  };
}

/**
 * Reads a whole message: the headers that thread it, its text (decoded from whatever charset it
 * declares), its HTML sanitised, its attachments. Throws only when the bytes are not a message at
 * all; a message merely badly formed is read as well as it can be.
 */
export async function readMessage(raw: Buffer, opts: { remoteImages: boolean }): Promise<ReadMessage> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 10 * HTML_MAX_LENGTH });
  const notes: string[] = [];
  let bodyHtml = typeof parsed.html === 'string' && parsed.html.trim() ? sanitizeMailHtml(parsed.html, opts) : null;
  if (bodyHtml !== null && bodyHtml.length > HTML_MAX_LENGTH) {
    notes.push('The formatted (HTML) version was too long to keep; the text version is shown.');
    bodyHtml = null;
  }
  let bodyText = parsed.text?.trim() ? parsed.text : typeof parsed.html === 'string' ? textOfHtml(parsed.html) : '';
  if (bodyText.length > TICKET_BODY_MAX_LENGTH) {
    notes.push(
      `The text was cut at ${TICKET_BODY_MAX_LENGTH.toLocaleString('en-US')} characters; the whole message is kept with the inbound mail.`,
    );
    bodyText = bodyText.slice(0, TICKET_BODY_MAX_LENGTH - 1) + '…';
  }
  return {
    messageId: normalMessageId(parsed.messageId),
    inReplyTo: normalMessageId(typeof parsed.inReplyTo === 'string' ? parsed.inReplyTo.trim().split(/\s+/)[0] : null),
    references: referencesOf(parsed),
    subject: parsed.subject ?? '',
    fromAddress: fromOf(parsed),
    toAddresses: recipientsOf(parsed),
    sentAt: validDate(parsed.date),
    bodyText,
    bodyHtml,
    attachments: parsed.attachments.map((a, i) => ({
      name: fileName(a.filename, a.contentType, i + 1),
      declaredType: a.contentType ?? 'application/octet-stream',
      content: a.content,
    })),
    notes,
  };
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'text/plain': 'txt',
  'message/rfc822': 'eml',
};

/** A file name safe to store and offer for download: no folders, no control characters, at most 255 characters. */
export function fileName(name: string | undefined, type: string | undefined, n: number): string {
  const base = (name ?? '')
    .normalize('NFC')
    .replace(/^.*[\\/]/, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^\.+/, '')
    .trim();
  if (base) return base.length > 255 ? base.slice(0, 200) + base.slice(-55) : base;
  return `attachment-${n}.${EXTENSIONS[type ?? ''] ?? 'bin'}`;
}

/** Types a browser would run or render as a page: kept as plain bytes instead. */
const ACTIVE_TYPES =
  /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|text\/javascript|application\/javascript|application\/x-javascript|text\/css)$/i;

/** Signatures of common files, for a type the sender did not (or wrongly) declare. */
const SIGNATURES: [type: string, test: (b: Buffer) => boolean][] = [
  ['application/pdf', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1'))],
  ['image/webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
  ['application/zip', (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))],
  ['application/gzip', (b) => b[0] === 0x1f && b[1] === 0x8b],
];

/**
 * The type an attachment is stored with: what its bytes show when they match a known signature,
 * else what the sender declared; a type a browser would run (HTML, SVG, script) becomes
 * application/octet-stream, so the file can only ever be downloaded.
 */
export function storedType(declared: string, content: Buffer): string {
  const sniffed = SIGNATURES.find(([, test]) => test(content))?.[0];
  const bare = declared.split(';')[0].trim().toLowerCase();
  // Office files are zip archives inside: the declared type says more than the signature.
  const type = sniffed && !(sniffed === 'application/zip' && /^application\/vnd\./.test(bare)) ? sniffed : bare;
  if (!/^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/.test(type) || ACTIVE_TYPES.test(type))
    return 'application/octet-stream';
  return type.slice(0, 100);
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
