import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingModule } from '../billing/billing.module';
import { CatalogModule } from '../catalog/catalog.module';
import { DataServiceGuard } from './data-service-guard';
import { ScheduledEventPerformer } from './scheduled-event-performer';
import { ScheduledEventRows } from './scheduled-event-rows';
import { ScheduledEventTargets } from './scheduled-event-targets';
import { ScheduledEventWorkflows } from './scheduled-event-workflows';
import { ScheduledEventActivities } from './scheduled-events.activities';
import { ScheduledEventsController } from './scheduled-events.controller';
import { ScheduledEventsService } from './scheduled-events.service';

/** Changes to an account booked for a later moment, each carried out by its own Temporal workflow. */
@Module({
  // AccountsModule registers the account status entity that change_status reads.
  imports: [AccountsModule, BillingModule, CatalogModule],
  controllers: [ScheduledEventsController],
  providers: [
    ScheduledEventRows,
    ScheduledEventTargets,
    DataServiceGuard,
    ScheduledEventWorkflows,
    ScheduledEventPerformer,
    ScheduledEventsService,
    ScheduledEventActivities,
  ],
  exports: [ScheduledEventActivities],
})
export class ScheduledEventsModule {}
