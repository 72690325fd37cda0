import type { EntityManager } from 'typeorm';

/**
 * Injection token of the hook the ledger calls when a credit is voided. Billing defines
 * it; the domain that took the credit in (payments, for a card or bank payment) provides
 * it, so the ledger never writes that domain's rows.
 */
export const CREDIT_VOIDED_HOOK = Symbol('CREDIT_VOIDED_HOOK');

/**
 * Called inside the ledger's transaction, under the family lock, once credit
 * `creditTransactionId` was voided by the void row `voidTransactionId`.
 */
export interface CreditVoidedHook {
  creditVoided(em: EntityManager, creditTransactionId: number, voidTransactionId: number): Promise<void>;
}
