/** How many leading bytes the sniffer looks at; uploads keep this much of each file in memory. */
export const SNIFF_BYTES = 4096;

export const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const startsWith = (head: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);
const ascii = (head: Buffer, text: string, offset = 0) => head.toString('latin1', offset, offset + text.length) === text;

const MARKUP = /^(?:<!doctype html|<html|<head|<body|<script|<iframe|<meta|<title|<style|<a\s|<div|<p>|<!--)/i;

/**
 * The media type of a file judged by its first bytes only. Names lie, and a type
 * we trust decides whether a browser renders the bytes, so anything not
 * recognised is application/octet-stream.
 */
export function sniffMimeType(head: Buffer): string {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 'GIF87a') || ascii(head, 'GIF89a')) return 'image/gif';
  if (ascii(head, 'RIFF') && ascii(head, 'WEBP', 8)) return 'image/webp';
  if (ascii(head, '%PDF-')) return 'application/pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'application/zip';
  if (startsWith(head, [0x1f, 0x8b])) return 'application/gzip';
  const text = decodeText(head);
  if (text === null) return 'application/octet-stream';
  const start = text.trimStart();
  if (MARKUP.test(start)) return 'text/html';
  if (/^<\?xml|^<svg[\s>]/i.test(start)) return 'text/xml';
  return looksLikeCsv(text, head.length < SNIFF_BYTES) ? 'text/csv' : 'text/plain';
}

/** The head as text when it is UTF-8 without binary control bytes, otherwise null. */
function decodeText(head: Buffer): string | null {
  if (head.length === 0) return null;
  let bytes = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
  // The head may end in the middle of a multi-byte character; drop that partial tail.
  for (let cut = 0; cut < 4 && bytes.length > 0; cut++) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return hasBinaryControls(bytes) ? null : text;
    } catch {
      if (head.length < SNIFF_BYTES) return null;
      bytes = bytes.subarray(0, bytes.length - 1);
    }
  }
  return null;
}

/** Tab, line feed, form feed and carriage return occur in text; other C0 controls and DEL mean binary. */
function hasBinaryControls(bytes: Buffer): boolean {
  return bytes.some((b) => (b < 0x20 && (b < 0x09 || b === 0x0b || b > 0x0d)) || b === 0x7f);
}

/** At least two complete lines with the same, non-zero number of commas (or semicolons). */
function looksLikeCsv(text: string, wholeFile: boolean): boolean {
  const lines = text.split(/\r?\n/);
  // Without the whole file the last line may be cut short.
  if (!wholeFile) lines.pop();
  const sample = lines.filter((line) => line.length > 0).slice(0, 20);
  if (sample.length < 2) return false;
  return [',', ';'].some((sep) => {
    const counts = sample.map((line) => line.split(sep).length - 1);
    return counts[0] > 0 && counts.every((c) => c === counts[0]);
  });
}
