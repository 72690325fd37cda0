import { Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Client } from '@temporalio/client';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { AccountsModule } from '../accounts/accounts.module';
import { EmailModule } from '../email/email.module';
import { FilesModule } from '../files/files.module';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { NotesModule } from '../notes/notes.module';
import { TEMPORAL_CLIENT } from '../temporal/temporal.tokens';
import { TicketsModule } from '../tickets/tickets.module';
import { AttachmentTargets } from './attachment-targets';
import { JobBookingService } from './job-booking.service';
import { JobNotices } from './job-notices';
import { JobReminderReconciliation } from './job-reminder-reconciliation';
import { JobReminderWorkflows } from './job-reminder-workflows';
import { JobRows } from './job-rows';
import { JobSettingsController } from './job-settings.controller';
import { JobSettingsService } from './job-settings.service';
import { JobTypesService } from './job-types.service';
import { JobActivities } from './jobs.activities';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { TechniciansService } from './technicians.service';
import { ensureTimerReconciler } from './timer-reconciler-start';

/** How long a starting worker waits for Temporal to take the timer reconciler's start. */
const START_WITHIN_MS = 10_000;

/** Field jobs on accounts, booked on technicians' calendars, with the subscriber's confirmation and reminder. */
@Module({
  imports: [AccountsModule, EmailModule, FilesModule, NotesModule, TicketsModule],
  controllers: [JobSettingsController, JobsController],
  providers: [
    JobRows,
    JobTypesService,
    TechniciansService,
    JobSettingsService,
    JobNotices,
    JobReminderWorkflows,
    JobReminderReconciliation,
    JobBookingService,
    AttachmentTargets,
    JobsService,
    JobActivities,
  ],
  exports: [JobActivities],
})
export class JobsModule implements OnApplicationBootstrap {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
    @InjectPinoLogger('JobReminders') private readonly logger: PinoLogger,
  ) {}

  /**
   * A worker process, as it starts, has the timer reconciler look now (starting it if it is
   * not running), so reminders of jobs booked while Temporal was away are armed again. The
   * API's processes leave it to the workers; a failure is logged and waits for the next start.
   */
  onApplicationBootstrap(): void {
    if (this.adapterHost.httpAdapter) return;
    void this.client
      .withDeadline(Date.now() + START_WITHIN_MS, () => ensureTimerReconciler(this.client, this.config))
      .then(
        () => this.logger.debug('The timer reconciler was asked to look now'),
        (err: unknown) =>
          this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'The timer reconciler could not be started'),
      );
  }
}
