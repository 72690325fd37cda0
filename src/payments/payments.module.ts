import { Module } from '@nestjs/common';
import { BillingConfigModule } from '../billing-config/billing-config.module';
import { BillingModule } from '../billing/billing.module';
import { PaymentDisputesService } from './payment-disputes.service';
import { PaymentHistoryService } from './payment-history.service';
import { PaymentLedgerHooksModule } from './payment-ledger-hooks.module';
import { PaymentMethodsController } from './payment-methods.controller';
import { PaymentMethodsService } from './payment-methods.service';
import { PaymentReversalsController } from './payment-reversals.controller';
import { PaymentReversalsService } from './payment-reversals.service';
import { PaymentSettlementService } from './payment-settlement.service';
import { PaymentSyncService } from './payment-sync.service';
import { PaymentsConfigService } from './payments-config.service';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { ReconciliationService } from './reconciliation.service';
import { StripeCustomersService } from './stripe-customers.service';
import { StripeGateway } from './stripe.gateway';
import { StripeObjectOwners } from './stripe-object-owners';

/** Card and bank payments through Stripe: customers, saved payment methods, payments and their settlement. */
@Module({
  imports: [BillingModule, BillingConfigModule, PaymentLedgerHooksModule],
  controllers: [PaymentMethodsController, PaymentsController, PaymentReversalsController],
  providers: [
    StripeGateway,
    StripeCustomersService,
    PaymentMethodsService,
    PaymentSettlementService,
    PaymentsService,
    PaymentsConfigService,
    PaymentSyncService,
    PaymentReversalsService,
    PaymentDisputesService,
    PaymentHistoryService,
    ReconciliationService,
    StripeObjectOwners,
  ],
  exports: [
    PaymentSyncService,
    PaymentsService,
    PaymentMethodsService,
    PaymentReversalsService,
    PaymentDisputesService,
    StripeObjectOwners,
  ],
})
export class PaymentsModule {}
