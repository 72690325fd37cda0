import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery } from '@temporalio/workflow';

/**
 * Names every process shares: workflow ids, queries and search attributes.
 * Ids are deterministic so that starting the same process twice is harmless.
 */
export const workflowIds = {
  auditExport: (exportId: number) => `audit-export/${exportId}`,
  autopayRun: (date: string) => `autopay-run/${date}`,
  billRun: (date: string) => `bill-run/${date}`,
  dailyBilling: 'daily-billing',
  delinquencyRun: (date: string) => `delinquency-run/${date}`,
  emailDelivery: (emailId: number) => `email-delivery/${emailId}`,
  nightly: (date: string) => `nightly/${date}`,
  scheduledEvent: (eventId: number) => `scheduled-event/${eventId}`,
  stripeEvent: (eventId: string) => `stripe-event/${eventId}`,
};

/** Custom search attributes registered on the Temporal server by the dev and test commands. */
export const searchAttributes = {
  accountId: defineSearchAttributeKey('AccountId', 'INT'),
  invoiceId: defineSearchAttributeKey('InvoiceId', 'INT'),
  billingDate: defineSearchAttributeKey('BillingDate', 'DATETIME'),
};

export interface AuditExportProgress {
  parts: number;
  rowCount: number;
}

export const auditExportProgressQuery = defineQuery<AuditExportProgress>('auditExportProgress');

export interface BillRunProgress {
  date: string;
  batches: number;
  accounts: number;
  invoices: number;
  invoicedTotal: number;
  failures: number;
  /** Accounts not invoiced because their invoice broke a safety bound; absent in runs from before parking. */
  parked?: number;
  /** Accounts due when the run planned its batches. */
  plannedAccounts?: number;
  /** Batches kept in flight now: two per worker process polling, when the run was not given a number. */
  lanes?: number;
  done: boolean;
}

export const billRunProgressQuery = defineQuery<BillRunProgress>('billRunProgress');
