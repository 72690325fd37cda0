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

export interface InvoiceLineDoc extends InvoiceLineDetail {
  date: string;
  description: string;
  quantity: number | null;
  amount: number;
  taxes: { name: string; rateE4: number; amount: number }[];
}

/** One call under a voice line, as the invoice's call detail prints it. */
export interface CallDetailDoc {
  /** When the call started, UTC, as `YYYY-MM-DD HH:MM:SS`: voice periods run midnight to midnight UTC. */
  startedAt: string;
  /** The caller as the switch gave it: E.164 digits, an extension, or empty when withheld. */
  from: string;
  /** The called number, E.164 digits without the +. */
  to: string;
  direction: 'inbound' | 'outbound';
  billedSeconds: number;
  includedSeconds: number;
  /**
   * The call's exact charge in micro-unit-seconds (charged seconds × millionths of the currency
   * unit a minute), as a decimal string: a call is never rounded to cents on its own, only its line is.
   */
  chargeMicroSeconds: string;
}

/** What a line may carry beside its figures: the calls it charges, for a voice line. */
export interface InvoiceLineDetail {
  calls?: CallDetailDoc[];
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

/** How a contract came to be signed. */
export type SigningMethod = 'in_person' | 'link';

/** A signed contract: its document as written, the signature, and the signing record printed on its last page. */
export interface ContractDocument {
  company: DocumentCompany;
  account: DocumentAccount;
  contract: {
    id: number;
    name: string;
    /** The contract's HTML as kept when it was written (sanitised, merge fields filled in). */
    html: string;
    /** SHA-256 (hex) of that HTML: the document the signer saw. */
    documentSha256: string;
    /** Calendar date the term ends, when it has one. */
    expiresOn: string | null;
  };
  signing: {
    name: string;
    email: string | null;
    /** ISO 8601 instant. */
    signedAt: string;
    clientAddress: string | null;
    userAgent: string | null;
    method: SigningMethod;
    /** The drawn signature, a PNG. */
    signaturePng: Buffer;
  };
}
