/** Pure rules of autopay: which day an account is tried again after a failure. */

/** `AUTOPAY_RETRY_DAYS` ("1,3") as day counts after the first failed attempt, ascending. */
export function retryDaysOf(setting: string): number[] {
  if (!setting.trim()) return [];
  return [...new Set(setting.split(',').map((d) => Number(d.trim())))].filter((d) => d > 0).sort((a, b) => a - b);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The account's latest autopay attempt before the run's date, as far as the retry rule cares. */
export interface PreviousAttempt {
  runDate: string;
  attempt: number;
  firstAttemptDate: string;
  /** processing = a bank debit the processor has not settled yet. */
  status: 'charging' | 'succeeded' | 'processing' | 'failed';
}

export type AutopayDecision = { charge: false; why: string } | { charge: true; attempt: number; firstAttemptDate: string };

/**
 * Whether an account with an autopay-due invoice is charged on `date`, given its
 * previous attempt. After a failure the account waits for the retry days counted
 * from the first failure of the series; once they are used up it waits for a newer
 * invoice to come due. A charge still in flight (a bank debit) is never doubled.
 * `newerInvoiceDue` says whether an invoice came due for autopay after the previous attempt.
 */
export function decide(date: string, previous: PreviousAttempt | null, retryDays: number[], newerInvoiceDue: boolean): AutopayDecision {
  if (!previous || previous.status === 'succeeded') return { charge: true, attempt: 1, firstAttemptDate: date };
  if (previous.status === 'processing' || previous.status === 'charging') {
    return { charge: false, why: `the charge of ${previous.runDate} is not settled yet` };
  }
  const used = previous.attempt - 1;
  if (used < retryDays.length) {
    const retryOn = addDays(previous.firstAttemptDate, retryDays[used]);
    if (date >= retryOn) return { charge: true, attempt: previous.attempt + 1, firstAttemptDate: previous.firstAttemptDate };
    return { charge: false, why: `retried on ${retryOn}` };
  }
  if (newerInvoiceDue) return { charge: true, attempt: 1, firstAttemptDate: date };
  return { charge: false, why: 'retries used up until a newer invoice comes due' };
}
