import type { EntityManager } from 'typeorm';

/** A charge for usage (overage of a closed period), planned by the usage domain for an invoice. */
export interface UsageCharge {
  accountId: number;
  /** The data service the usage was measured on: with the service and the period's start, the charge's unique key. */
  accountServiceId: number;
  serviceId: number;
  quantity: number;
  /** Before taxes, in minor units. */
  amount: number;
  taxIds: number[];
  description: string;
  /** The usage period's first and last day. */
  periodStart: string;
  periodEnd: string;
}

export interface UsageChargePlan {
  charges: UsageCharge[];
  /**
   * Called once the invoices are written, in the same transaction, with the accounts that were
   * billed (a parked account is left out and settled when its invoice is made) and the id each
   * written charge got.
   */
  record(em: EntityManager, billedAccountIds: ReadonlySet<number>, chargeId: (charge: UsageCharge) => number | undefined): Promise<void>;
}

/**
 * Where usage meets invoicing: for the accounts on their billing day, the usage period that the
 * date closes is settled and its charges join the invoice. Billing calls it inside the batch's
 * transaction and knows nothing else of usage.
 */
export interface UsageChargeSource {
  plan(em: EntityManager, accountIds: number[], billingDate: string): Promise<UsageChargePlan>;
}

/** The source, provided by the usage module (none when it is not loaded). */
export const USAGE_CHARGE_SOURCE = Symbol('USAGE_CHARGE_SOURCE');
