import type {
  BillingFiguresDoc,
  DocumentAccount,
  DocumentCompany,
  InvoiceDocument,
  InvoiceLineDoc,
} from '../../src/documents/document-types';

export const company: DocumentCompany = {
  name: 'Backhaul Networks',
  addressLines: ['100 Fiber Way', 'Springfield, IL 62701'],
  email: 'billing@backhaul.example',
  phone: '+1 217 555 0100',
};

export const account: DocumentAccount = {
  id: 4217,
  name: 'Prairie Hardware LLC',
  addressLines: ['12 Main St', 'Suite 4', 'Springfield, IL 62704', 'US'],
};

export const figures: BillingFiguresDoc = {
  asOf: '2025-03-04',
  dueNow: 1_234_567_89,
  balanceDue: 2_345_67,
  availableCredits: 50_00,
  totalBalance: -12_50,
  nextRecurringCharge: 79_99,
  nextBillingDate: '2025-04-01',
};

/** An invoice whose totals are the sums of its lines, computed here rather than typed in. */
export function invoiceFrom(lines: InvoiceLineDoc[], overrides: { number?: string; paid?: number; void?: boolean } = {}): InvoiceDocument {
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const tax = lines.reduce((sum, line) => sum + line.taxes.reduce((s, t) => s + t.amount, 0), 0);
  const total = subtotal + tax;
  const paid = overrides.paid ?? 0;
  return {
    currency: 'USD',
    company,
    account,
    invoice: {
      id: 77,
      number: overrides.number ?? 'INV-000077',
      date: '2025-03-01',
      dueDate: '2025-03-21',
      periodStart: '2025-03-01',
      periodEnd: '2025-03-31',
      months: 1,
      void: overrides.void ?? false,
    },
    lines,
    totals: { subtotal, tax, total, paid, remaining: total - paid },
    childInvoices: [],
    message: null,
    figures,
  };
}
