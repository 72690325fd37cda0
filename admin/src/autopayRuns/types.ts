export interface AutopayRunSummary {
  id: number;
  runDate: string;
  workflowId: string;
  status: 'running' | 'completed' | 'failed';
  attempts: number;
  succeeded: number;
  processing: number;
  failed: number;
  chargedTotal: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface AutopayAttempt {
  id: number;
  accountId: number;
  amount: number;
  attempt: number;
  status: 'charging' | 'succeeded' | 'processing' | 'failed';
  reason: string | null;
  processorPaymentId: number | null;
}

export interface AutopayRunDetail extends AutopayRunSummary {
  /** Absent while only the list's row is known. */
  attemptList?: AutopayAttempt[];
}
