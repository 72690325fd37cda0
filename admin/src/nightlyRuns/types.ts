export type NightlyStep = 'nightly' | 'delinquency';

export interface NightlyRun {
  id: number;
  step: NightlyStep;
  runDate: string;
  workflowId: string;
  status: 'running' | 'completed' | 'failed';
  caughtUpBy: string | null;
  summary: Record<string, unknown> | null;
  startedAt: string;
  finishedAt: string | null;
}

/** What delinquency would do on a date; amounts in minor units. */
export interface DelinquencyPreview {
  date: string;
  invoices: {
    accountId: number;
    invoiceId: number;
    invoiceNumber: string;
    dueDate: string;
    remaining: number;
    lateFee: { amount: number; tax: number } | null;
  }[];
  statusChanges: { accountId: number; fromStatusId: number; toStatusId: number }[];
  skipped: { accountId: number; reason: 'weekday' | 'exclusion_date' | 'accounting_period_closed' }[];
  more: boolean;
  accountNames: Record<string, string>;
  statusNames: Record<string, string>;
}
