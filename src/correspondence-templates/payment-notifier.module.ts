import { Global, Module } from '@nestjs/common';
import { PAYMENT_NOTIFIER } from '../payments/payment-notifier';
import { BillingNotificationsService } from './billing-notifications.service';
import { CorrespondenceTemplatesModule } from './correspondence-templates.module';

/**
 * Global so the payment settlement can take the notifier payments defines without
 * importing this domain, which reads payments' rows to write its messages. Apart from
 * CorrespondenceTemplatesModule so only the notifier is global.
 */
@Global()
@Module({
  imports: [CorrespondenceTemplatesModule],
  providers: [{ provide: PAYMENT_NOTIFIER, useExisting: BillingNotificationsService }],
  exports: [PAYMENT_NOTIFIER],
})
export class PaymentNotifierModule {}
