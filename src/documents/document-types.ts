/**
 * What the billing documents print, as plain data. Every amount is an integer count of
 * minor units (cents) in `currency`; every date is a calendar date `YYYY-MM-DD`.
 * The renderers read nothing else, so a document can be reproduced from this data alone.
 */

export interface DocumentCompany {
  name: string;
  addressLines: string[];
  email?: string | null;
  phone?: string | null;
}

export interface DocumentAccount {
  id: number;
  name: string;
  addressLines: string[];
}

/** The account's figures on the day `asOf` the document was printed, as the API answers them that day. */
export interface BillingFiguresDoc {
  asOf: string;
  dueNow: number;
  balanceDue: number;
  availableCredits: number;
  totalBalance: number;
  nextRecurringCharge: number;
  /** Left off the page when the account has none. */
  nextBillingDate: string | null;
}

export interface InvoiceLineDoc {
  date: string;
  description: string;
  quantity: number | null;
  amount: number;
  taxes: { name: string; rateE4: number; amount: number }[];
}

export interface InvoiceDocument {
  currency: string;
  company: DocumentCompany;
  account: DocumentAccount;
  invoice: {
    id: number;
    number: string;
    date: string;
    dueDate: string;
    periodStart: string | null;
    periodEnd: string | null;
    months: number;
    void: boolean;
  };
  lines: InvoiceLineDoc[];
  totals: { subtotal: number; tax: number; total: number; paid: number; remaining: number };
  childInvoices: { number: string; accountName: string; remaining: number }[];
  message: string | null;
  figures: BillingFiguresDoc;
}

export type StatementActivityKind = 'debit' | 'discount' | 'payment' | 'adjustment' | 'void';

export interface StatementDocument {
  currency: string;
  company: DocumentCompany;
  account: DocumentAccount;
  /** `since` is the date of the previous statement, null for the first one. */
  statement: { date: string; dueDate: string; since: string | null };
  priorBalance: number;
  /** `amount` is signed: positive raises the balance, negative lowers it; `balance` is the running balance after it. */
  activity: { date: string; kind: StatementActivityKind; description: string; amount: number; balance: number }[];
  closingBalance: number;
  message: string | null;
  figures: BillingFiguresDoc;
}

export interface ReceiptDocument {
  currency: string;
  company: DocumentCompany;
  account: DocumentAccount;
  payment: { id: number; date: string; method: string; reference: string | null; amount: number };
  appliedTo: { invoiceNumber: string; amount: number }[];
  /** What is left of this payment for other invoices. */
  unapplied: number;
  figures: BillingFiguresDoc;
}
