import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { RescheduleRequest, ScheduledEventStatus } from './scheduled-event.workflow';

/**
 * Every name Backhaul and Temporal share: workflow types, workflow and schedule ids,
 * queries, updates and search attributes. A name that reaches Temporal's history is
 * part of every run recorded with it, so it is written here once and never renamed.
 */

/** Every workflow type the worker offers; replay.spec.ts holds a recorded history of each. */
export const workflowTypes = [
  'auditExportWorkflow',
  'autopayRunWorkflow',
  'billRunWorkflow',
  'dailyAutopayWorkflow',
  'dailyBillingWorkflow',
  'delinquencyRunWorkflow',
  'emailDeliveryWorkflow',
  'emailDispatchWorkflow',
  'nightlyWorkflow',
  'scheduledEventWorkflow',
  'stripeEventWorkflow',
] as const;

/** Schedules set up by `npm run schedules`; each one's runs take the schedule id as workflow id. */
export const scheduleIds = {
  dailyAutopay: 'daily-autopay',
  dailyBilling: 'daily-billing',
  emailDispatch: 'email-dispatch',
};

/** Ids are deterministic so that starting the same process twice is harmless. */
export const workflowIds = {
  auditExport: (exportId: number) => `audit-export/${exportId}`,
  autopayRun: (date: string) => `autopay-run/${date}`,
  billRun: (date: string) => `bill-run/${date}`,
  dailyBilling: scheduleIds.dailyBilling,
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

/** The event was edited: a new time and revision. Refused once the event is being carried out. */
export const rescheduleUpdate = defineUpdate<ScheduledEventStatus, [RescheduleRequest]>('reschedule');
/** The event was cancelled: end without acting. Refused once the event is being carried out. */
export const cancelUpdate = defineUpdate<ScheduledEventStatus, []>('cancel');
/**
 * Act now instead of at the event's time. Taken even while the event is being carried
 * out, since that already does what was asked; refused only once it was cancelled.
 */
export const performNowUpdate = defineUpdate<ScheduledEventStatus, []>('performNow');
