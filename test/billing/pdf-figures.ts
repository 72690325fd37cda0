import { centsFromText, squeeze } from '../documents/pdf-text';
import type { TestApp } from '../support/test-app';

/** The account summary box every billing PDF prints, read back from its text. */
export interface PrintedFigures {
  asOf: string;
  dueNow: number;
  balanceDue: number;
  availableCredits: number;
  totalBalance: number;
  nextRecurringCharge: number;
  nextBillingDate: string | null;
}

const AMOUNT = '(-?[\\d,]+\\.\\d{2})';

function amountAfter(text: string, label: string, currency: string): number {
  const match = new RegExp(`${label} ${AMOUNT} ${currency}`).exec(text);
  if (!match) throw new Error(`"${label}" with an amount is not on the page:\n${text}`);
  return centsFromText(match[1]);
}

/** Reads the box from pdftotext output; throws naming what is missing, so a test never compares nothing. */
export function printedFigures(pages: string[], currency = 'USD'): PrintedFigures {
  const text = squeeze(pages.join('\n'));
  const asOf = /Account summary on (\d{4}-\d{2}-\d{2})/.exec(text);
  if (!asOf) throw new Error(`no account summary on the page:\n${text}`);
  return {
    asOf: asOf[1],
    dueNow: amountAfter(text, 'Due now', currency),
    balanceDue: amountAfter(text, 'Balance due', currency),
    availableCredits: amountAfter(text, 'Available credits', currency),
    totalBalance: amountAfter(text, 'Total balance', currency),
    nextRecurringCharge: amountAfter(text, 'Next recurring charge', currency),
    nextBillingDate: /Next billing date (\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? null,
  };
}

/** A PDF the API serves, as bytes. */
export async function downloadPdf(sut: TestApp, token: string, path: string): Promise<Buffer> {
  const res = await sut
    .http()
    .get(path)
    .set('Authorization', `Bearer ${token}`)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  if (res.status !== 200 || res.headers['content-type'] !== 'application/pdf') throw new Error(`${path} answered ${res.status}`);
  return res.body as Buffer;
}
