import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { StripeEventActivities } from './stripe-event.activities';
import { StripeWebhooksController } from './stripe-webhooks.controller';
import { StripeWebhooksService } from './stripe-webhooks.service';

@Module({
  imports: [PaymentsModule],
  controllers: [StripeWebhooksController],
  providers: [StripeWebhooksService, StripeEventActivities],
  exports: [StripeEventActivities],
})
export class WebhooksModule {}
