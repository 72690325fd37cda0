import { defineSearchAttributeKey, type SearchAttributePair } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { RescheduleRequest, ScheduledEventStatus } from './scheduled-event.workflow';
import type { JobReminderChange } from './job-reminder.workflow';

/**
 * Every name Backhaul and Temporal share: workflow types, workflow and schedule ids,
 * queries, updates and search attributes. A name that reaches Temporal's history is
 * part of every run recorded with it, so it is written here once and never renamed.
 */

/** Every workflow type the worker offers; replay.spec.ts holds a recorded history of each. */
export const workflowTypes = [
  'accountingIngestionWorkflow',
  'auditExportWorkflow',
  'autopayRunWorkflow',
  'billRunWorkflow',
  'cdrFileWorkflow',
  'cdrFolderWorkflow',
  'contractSigningWorkflow',
  'dailyAutopayWorkflow',
  'dailyBillingWorkflow',
  'delinquencyRunWorkflow',
  'emailBatchWorkflow',
  'emailDeliveryWorkflow',
  'emailDispatchWorkflow',
  'emailDispatcherWorkflow',
  'inboundMailWorkflow',
  'jobReminderWorkflow',
  'networkReconcileWorkflow',
  'networkSyncWorkflow',
  'nightlyWorkflow',
  'scheduledEventWorkflow',
  'stripeEventBatchWorkflow',
  'stripeEventWorkflow',
  'ticketDeadlineWorkflow',
  'timerReconcilerWorkflow',
  'webhookDispatcherWorkflow',
] as const;

/** Schedules set up by `npm run schedules`; each one's runs take the schedule id as workflow id. */
export const scheduleIds = {
  dailyAutopay: 'daily-autopay',
  dailyBilling: 'daily-billing',
  /** Retired: its five-minute runs crowded the UI's list; set-up deletes it where it still exists. */
  emailDispatch: 'email-dispatch',
};

/** Ids are deterministic so that starting the same process twice is harmless. */
export const workflowIds = {
  auditExport: (exportId: number) => `audit-export/${exportId}`,
  autopayRun: (date: string) => `autopay-run/${date}`,
  billRun: (date: string) => `bill-run/${date}`,
  /** One per signing request: a contract sent again after a cancellation gets a new request and a new run. */
  contractSigning: (requestId: number) => `contract-signing/${requestId}`,
  dailyBilling: scheduleIds.dailyBilling,
  delinquencyRun: (date: string) => `delinquency-run/${date}`,
  /** A batch of emails sent in bulk, named after the first email it was formed with. */
  emailBatch: (firstEmailId: number) => `email-batch/${firstEmailId}`,
  emailDelivery: (emailId: number) => `email-delivery/${emailId}`,
  /** One long-lived dispatcher per task queue, that is per deployment. */
  emailDispatcher: (taskQueue: string) => `email-dispatcher/${taskQueue}`,
  /** One per account: every change to the account's network state is applied by it, in order. */
  networkSync: (accountId: number) => `network-sync/${accountId}`,
  /** One per DHCP server, for its own configuration (the subnets it serves); run by the same workflow type. */
  dhcpServerSync: (dhcpServerId: number) => `network-sync/dhcp-server-${dhcpServerId}`,
  /** One per deployment (task queue) for the NAS devices, the RADIUS server's clients; run by the same workflow type. */
  nasDevicesSync: (taskQueue: string) => `network-sync/nas-devices/${taskQueue}`,
  /** One per deployment (task queue): reads RADIUS accounting into usage, forever. */
  accountingIngestion: (taskQueue: string) => `usage-ingestion/${taskQueue}`,
  /** One per reconciliation asked for by staff; the nightly one runs inside the night's workflow. */
  networkReconcile: (reconciliationId: number) => `network-reconcile/${reconciliationId}`,
  nightly: (date: string) => `nightly/${date}`,
  /** One per helpdesk mailbox read, named by the mailbox without its password (src/inbound-mail/inbound-mailbox.ts). */
  inboundMail: (mailbox: string) => `inbound-mail/${mailbox}`,
  /** One per job: its reminder to the subscriber, re-armed by each booking. */
  jobReminder: (jobId: number) => `job/${jobId}`,
  scheduledEvent: (eventId: number) => `scheduled-event/${eventId}`,
  /** Runs recorded before batches: one workflow per event. */
  stripeEvent: (eventId: string) => `stripe-event/${eventId}`,
  /** A batch is named after the oldest event it was formed with. */
  stripeEventBatch: (firstEventId: string) => `stripe-events/${firstEventId}`,
  /** One per open ticket: its deadline timer. */
  ticketDeadline: (ticketId: number) => `ticket/${ticketId}`,
  /** One long-lived reconciler of job reminders and ticket deadline timers per task queue, that is per deployment. */
  timerReconciler: (taskQueue: string) => `timer-reconciler/${taskQueue}`,
  /** One long-lived sweeper of the webhook inbox per task queue, that is per deployment. */
  webhookDispatcher: (taskQueue: string) => `webhook-dispatcher/${taskQueue}`,
  /** One per switch file received: its import, chunk by chunk; a re-run of the file runs under the same id again. */
  cdrFile: (fileId: number) => `cdr-file/${fileId}`,
  /** One long-lived watcher of the call record folder per task queue, that is per deployment. */
  cdrFolder: (taskQueue: string) => `cdr-folder/${taskQueue}`,
};

/** Custom search attributes registered on the Temporal server by the dev and test commands. */
export const searchAttributes = {
  accountId: defineSearchAttributeKey('AccountId', 'INT'),
  invoiceId: defineSearchAttributeKey('InvoiceId', 'INT'),
  /** Midnight UTC of the date; kept for range queries and for runs recorded before BillingDay. */
  billingDate: defineSearchAttributeKey('BillingDate', 'DATETIME'),
  /**
   * The same date as `YYYY-MM-DD` text, so the Temporal UI finds a run with
   * `BillingDay = '2027-01-01'`: equality on BillingDate compares to the millisecond.
   * A name of its own, because the server will not change BillingDate's type.
   */
  billingDay: defineSearchAttributeKey('BillingDay', 'KEYWORD'),
  /**
   * Every account a run that serves many accounts at once (a batch of processor events)
   * has touched, as text: `AccountIds = '42'` finds the runs that touched account 42.
   * AccountId stays a number, since the server will not change an attribute's type.
   */
  accountIds: defineSearchAttributeKey('AccountIds', 'KEYWORD_LIST'),
};

/** The search attributes of a process that runs for one billing date. */
export function billingDateAttributes(date: string): SearchAttributePair[] {
  return [
    { key: searchAttributes.billingDate, value: new Date(`${date}T00:00:00Z`) },
    { key: searchAttributes.billingDay, value: date },
  ];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2027-01-01` as `1 Jan 2027`, for memos read by people in the Temporal UI. */
export function dayInWords(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

export interface AuditExportProgress {
  parts: number;
  rowCount: number;
}

/** A job was booked anew (new time, revision) or taken off the calendar (remindAt null). */
export const jobReminderChangedSignal = defineSignal<[JobReminderChange]>('jobReminderChanged');

/** Passes the email dispatcher made in its current run. */
export const emailDispatcherPassesQuery = defineQuery<number>('emailDispatcherPasses');
export const webhookDispatcherPassesQuery = defineQuery<number>('webhookDispatcherPasses');

/** What the accounting ingestion has counted in this run, and where its cursor stands. */
export interface AccountingIngestionStatus {
  events: number;
  lastEventId: number;
  rounds: number;
}
export const accountingIngestionStatusQuery = defineQuery<AccountingIngestionStatus>('accountingIngestionStatus');

/** What the inbound mail reader has done in its current run. */
export interface InboundMailStatus {
  polls: number;
  filed: number;
  duplicates: number;
  rejected: number;
}
export const inboundMailStatusQuery = defineQuery<InboundMailStatus>('inboundMailStatus');
/** Look at the mailbox now rather than after the pause ("check now", and tests). */
export const inboundMailCheckSignal = defineSignal('inboundMailCheck');

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

/** Where a signing request stands, as its workflow sees it. */
export interface SigningRequestStatus {
  state: 'open' | 'signed' | 'declined' | 'expired' | 'cancelled';
  /** ISO 8601 instant. */
  expiresAt: string;
  emailsSent: number;
}

/** The clerk sends the request again: a fresh email now, the reminders counted from now, and the new expiry. */
export const resendSigningUpdate = defineUpdate<SigningRequestStatus, [{ expiresAt: string }]>('resendSigningRequest');
/** The clerk withdrew the request (already written to the database): end without another email. */
export const cancelSigningUpdate = defineUpdate<SigningRequestStatus, []>('cancelSigningRequest');
/** The request was closed outside the workflow: signed, declined, or signed in person instead. */
export const signingClosedSignal = defineSignal<[{ state: SigningRequestStatus['state'] }]>('signingRequestClosed');

/** The ticket (or the deadline settings) changed, already written to the database: work its deadlines out again. */
export const ticketChangedSignal = defineSignal<[]>('ticketChanged');

/** What the timer reconciler has done in its current run. */
export interface TimerReconcilerStatus {
  passes: number;
  /** Job reminders started or re-armed, and ticket deadline timers started, over the run's passes. */
  remindersArmed: number;
  deadlineTimersStarted: number;
  /** Passes in which a reconciliation failed after its retries; the next pass tries again. */
  failedPasses: number;
}
export const timerReconcilerStatusQuery = defineQuery<TimerReconcilerStatus>('timerReconcilerStatus');
/** Reconcile now rather than after the pause (a worker starting). */
export const timerReconcileNowSignal = defineSignal('timerReconcileNow');

/** Something in the account's network state changed (the outbox holds what): look again. */
export const networkChangedSignal = defineSignal<[{ reason: string }]>('networkChanged');

/** What the account's provisioning run is doing, for an operator's query in the Temporal UI. */
export interface NetworkSyncStatus {
  /** Changes signalled since the last pass began, so waiting for the next. */
  waiting: string[];
  /** The reasons the pass in progress (or being retried) is applying. */
  applying: string[];
  passes: number;
  /** The last pass's report, once there was one. */
  last: NetworkSyncReport | null;
}

export interface NetworkSyncReport {
  /** Outbox rows the pass stamped as applied. */
  applied: number;
  /** Rows added to and removed from the RADIUS server, in words (never a password). */
  radiusChanges: string[];
  /** Reservations and subnets added to and removed from DHCP servers, in words. */
  dhcpChanges?: string[];
  /** Why something was not written, e.g. "no RADIUS server is configured". */
  skipped: string[];
  /** CoA and Disconnect requests to the account's live sessions waiting to be sent; absent in runs from before them. */
  sessionRequests?: number;
  /** While the account is slowed at its usage cap: when to look again (its period may turn), in seconds from the pass. */
  recheckInSeconds?: number | null;
}

export const networkSyncStatusQuery = defineQuery<NetworkSyncStatus>('networkSyncStatus');

/** What a reconciliation of the network servers with Backhaul's tables repaired, in words. */
export interface NetworkReconciliationReport {
  radius: string[];
  nas: string[];
  dhcp: string[];
  /** Accounts and DHCP servers whose pending changes had never been handed to their run. */
  handedOver: number;
  skipped: string[];
}

/** Where a switch file's import stands, as its workflow last heard from a round. */
export interface CdrFileStatus {
  fileId: number;
  status: 'received' | 'importing' | 'imported' | 'failed';
  linesRead: number;
  callsRecorded: number;
  callsDuplicate: number;
  linesRejected: number;
  rounds: number;
  failure?: string;
}
export const cdrFileStatusQuery = defineQuery<CdrFileStatus>('cdrFileStatus');

/** What the call record folder's watcher has done in its current run. */
export interface CdrFolderStatus {
  scans: number;
  filesTaken: number;
  importsStarted: number;
}
export const cdrFolderStatusQuery = defineQuery<CdrFolderStatus>('cdrFolderStatus');
/** Look in the folder now rather than after the pause (tests, and a clerk who just dropped a file). */
export const cdrFolderScanSignal = defineSignal('cdrFolderScan');
