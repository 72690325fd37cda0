import type { components } from '../api/schema';

export interface BillRunSummary {
  id: number;
  runDate: string;
  workflowId: string;
  status: 'running' | 'completed' | 'failed';
  accounts: number;
  invoices: number;
  invoicedTotal: number;
  failures: number;
  parked: number;
  plannedAccounts: number | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface ParkedAccount {
  id: number;
  billRunId: number;
  runDate: string;
  accountId: number;
  accountName: string;
  rule: 'unexplained_charges' | 'negative_total' | 'spike';
  reason: string;
  total: number;
  usualTotal: number | null;
  status: 'parked' | 'released' | 'dismissed';
  invoiceId: number | null;
}

export interface BillRunDetail extends BillRunSummary {
  /** Both absent while only the list's row is known. */
  failureList?: { accountId: number; reason: string }[];
  parkedList?: ParkedAccount[];
}

/** POST /api/bill-runs/preview */
export type InvoicePreview = components['schemas']['InvoicePreviewDto'];
