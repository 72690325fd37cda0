import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { PaymentsModule } from '../payments/payments.module';
import { StripeEventActivities } from './stripe-event.activities';
import { StripeEventDispatcher } from './stripe-event-dispatcher';
import { StripeEventStarter } from './stripe-event-starter';
import { StripeWebhooksService } from './stripe-webhooks.service';
import { WebhookEventsController } from './webhook-events.controller';
import { WebhookInboxActivities } from './webhook-inbox.activities';
import { WebhookInboxService } from './webhook-inbox.service';

@Module({
  imports: [PaymentsModule, MetricsModule],
  controllers: [WebhookEventsController],
  providers: [
    StripeWebhooksService,
    StripeEventActivities,
    StripeEventStarter,
    StripeEventDispatcher,
    WebhookInboxService,
    WebhookInboxActivities,
  ],
  exports: [StripeEventActivities, WebhookInboxActivities, WebhookInboxService],
})
export class WebhooksModule {}
