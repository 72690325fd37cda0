import type { EntityManager } from 'typeorm';

/**
 * Injection token of the hook the ledger calls once credit has landed on an account's
 * invoices. Billing defines it; the domain that reacts to paid invoices (delinquency)
 * provides it, so the ledger never imports that domain.
 */
export const CREDIT_APPLIED_HOOK = Symbol('CREDIT_APPLIED_HOOK');

/**
 * Called inside the ledger's transaction, under the family lock, after credit was
 * applied for `accountId` (the payer; its children's linked invoices may have been paid too).
 */
export interface CreditAppliedHook {
  creditApplied(em: EntityManager, accountId: number): Promise<void>;
  /** The same for many payers at once (a batch of settled payments), under all their families' locks. */
  creditAppliedMany(em: EntityManager, accountIds: number[]): Promise<void>;
}
