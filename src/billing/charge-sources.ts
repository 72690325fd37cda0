import type { EntityManager } from 'typeorm';
import type { InvoiceLineDetail } from '../documents/document-types';

/**
 * A charge another domain plans for an invoice from what it measured: data used over the
 * allowance, calls beyond the included minutes. Billing writes it as a debit on the invoice with
 * the service's taxes and no account service, so it stays out of that service's coverage and out
 * of the credits given when the service is removed.
 */
export interface SourcedCharge {
  accountId: number;
  /** The account service it was measured on (the data or voice service); the source's own key, not written on the debit. */
  accountServiceId: number;
  serviceId: number;
  quantity: number;
  /** Before taxes, in minor units. */
  amount: number;
  taxIds: number[];
  description: string;
  /** The measured period's first and last day. */
  periodStart: string;
  periodEnd: string;
}

export interface ChargePlan {
  charges: SourcedCharge[];
  /**
   * Called once the invoices are written, in the same transaction, with the accounts that were
   * billed (a parked account is left out and settled when its invoice is made) and the id each
   * written charge got.
   */
  record(em: EntityManager, billedAccountIds: ReadonlySet<number>, chargeId: (charge: SourcedCharge) => number | undefined): Promise<void>;
}

/**
 * Where a measuring domain meets invoicing: for the accounts on their billing day, the period the
 * date closes is settled and its charges join the invoice. Billing calls it inside the batch's
 * transaction and knows nothing else of what was measured.
 */
export interface ChargeSource {
  plan(em: EntityManager, accountIds: number[], billingDate: string): Promise<ChargePlan>;
  /**
   * What the invoice prints under some of its charges (the calls under a voice line), by the
   * charge's transaction id; charges the source did not write are left out of the answer.
   */
  lineDetails?(em: EntityManager, transactionIds: number[]): Promise<Map<number, InvoiceLineDetail>>;
}

/**
 * The sources, in the order their lines go on an invoice after the recurring ones. Bound by
 * src/charge-sources.module.ts, which alone knows which domains measure; billing injects it
 * without @Optional(), so an application that lacks it refuses to start instead of billing
 * nothing that was measured.
 */
export const CHARGE_SOURCES = Symbol('CHARGE_SOURCES');
