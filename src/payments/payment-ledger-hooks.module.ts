import { Global, Module } from '@nestjs/common';
import { CREDIT_VOIDED_HOOK } from '../billing/credit-voided.hook';
import { PaymentCreditVoids } from './payment-credit-voids';

/**
 * Global so the ledger can take the credit-voided hook billing defines without importing
 * payments, which builds on the ledger. Apart from PaymentsModule so only the hook is global.
 */
@Global()
@Module({
  providers: [PaymentCreditVoids, { provide: CREDIT_VOIDED_HOOK, useExisting: PaymentCreditVoids }],
  exports: [CREDIT_VOIDED_HOOK],
})
export class PaymentLedgerHooksModule {}
