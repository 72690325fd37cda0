import { downloadCSV } from 'react-admin';

/**
 * RFC 4180 cells, as the API writes its own CSV: a leading = + - @ is defused with a
 * quote mark so a spreadsheet never runs a formula that came from a note or subject.
 */
const cell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Builds the file in the browser from rows the list already fetched, and downloads it. */
export const downloadRows = (filename: string, header: string[], rows: unknown[][]): void => {
  const lines = [header, ...rows].map((row) => row.map(cell).join(','));
  downloadCSV(lines.join('\r\n') + '\r\n', filename);
};
