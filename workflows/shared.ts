import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery } from '@temporalio/workflow';

/**
 * Names every process shares: workflow ids, queries and search attributes.
 * Ids are deterministic so that starting the same process twice is harmless.
 */
export const workflowIds = {
  auditExport: (exportId: number) => `audit-export/${exportId}`,
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
