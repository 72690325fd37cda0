/**
 * Checks a computed invoice must pass before an unattended bill run writes it.
 * A run fails closed: an account whose invoice looks wrong is parked for a person
 * to look at rather than billed. Pure functions over what the run computed.
 */

export interface SafetyBounds {
  /**
   * A total above this percentage of the account's usual total parks it
   * (500 = five times the usual bill). Percent, so the comparison stays in integers.
   */
  spikePercent: number;
}

export const DEFAULT_SPIKE_PERCENT = 500;

export type ParkingRule = 'unexplained_charges' | 'negative_total' | 'spike';

export interface ParkingVerdict {
  rule: ParkingRule;
  reason: string;
}

/** A charge an invoice would carry, as far as the checks need it. */
export interface ChargeSpan {
  accountServiceId: number | null;
  serviceId: number | null;
  amount: number;
  taxAmount: number;
  /** Inclusive dates; null for one-off charges that cover no period. */
  periodStart: string | null;
  periodEnd: string | null;
}

export interface InvoiceCandidate {
  /** The recurring charges the run computed for this date. */
  newCharges: ChargeSpan[];
  /** Charges already on the ledger waiting for an invoice. */
  pending: ChargeSpan[];
  /** The last day already charged per account service and service (`asid:sid`), from every earlier charge. */
  chargedUntil: ReadonlyMap<string, string>;
  /** The average total of the account's last generated invoices, as sum and count; null without history. */
  usual: { sum: number; count: number } | null;
}

export const spanKey = (accountServiceId: number, serviceId: number): string => `${accountServiceId}:${serviceId}`;

export function candidateTotal(c: Pick<InvoiceCandidate, 'newCharges' | 'pending'>): number {
  return [...c.newCharges, ...c.pending].reduce((sum, line) => sum + line.amount + line.taxAmount, 0);
}

/** The first bound the candidate breaks, or null when it may be written. */
export function checkInvoiceBounds(candidate: InvoiceCandidate, bounds: SafetyBounds): ParkingVerdict | null {
  const total = candidateTotal(candidate);
  if (total < 0 || [...candidate.newCharges, ...candidate.pending].some((l) => l.amount < 0 || l.taxAmount < 0)) {
    return { rule: 'negative_total', reason: 'The invoice would have a negative line or a negative total' };
  }

  // A new recurring charge must start after every day already charged for the same service on the account:
  // days charged twice are more than the account's services explain.
  // Days this invoice's own charges cover, on top of what was charged before (read, never copied: it may hold a whole batch).
  const covered = new Map<string, string>();
  for (const charge of [...candidate.newCharges].sort((a, b) => (a.periodStart ?? '').localeCompare(b.periodStart ?? ''))) {
    if (charge.accountServiceId === null || charge.serviceId === null || !charge.periodStart || !charge.periodEnd) continue;
    const key = spanKey(charge.accountServiceId, charge.serviceId);
    const until = covered.get(key) ?? candidate.chargedUntil.get(key);
    if (until !== undefined && charge.periodStart <= until) {
      return {
        rule: 'unexplained_charges',
        reason: `Service ${charge.serviceId} on account service ${charge.accountServiceId} would be charged again for days up to ${until} already charged`,
      };
    }
    covered.set(key, charge.periodEnd);
  }

  const usual = candidate.usual;
  if (usual && usual.count > 0 && usual.sum > 0 && total * usual.count * 100 > bounds.spikePercent * usual.sum) {
    return {
      rule: 'spike',
      reason: `The invoice would be more than ${bounds.spikePercent}% of the average of the account's last ${usual.count} invoices`,
    };
  }
  return null;
}
