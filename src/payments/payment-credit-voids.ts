import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CreditVoidedHook } from '../billing/credit-voided.hook';
import { processorPayments } from './processor-payment-rows';

/**
 * The ledger's credit-voided hook: a card or bank payment whose credit is voided, by a
 * clerk on the ledger or by a reversal, is reversed at our end in the same transaction.
 * A credit that no processor payment recorded changes nothing here.
 */
@Injectable()
export class PaymentCreditVoids implements CreditVoidedHook {
  async creditVoided(em: EntityManager, creditTransactionId: number, voidTransactionId: number): Promise<void> {
    await processorPayments.markReversed(em, creditTransactionId, voidTransactionId);
  }
}
