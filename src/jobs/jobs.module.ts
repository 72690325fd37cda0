import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EmailModule } from '../email/email.module';
import { FilesModule } from '../files/files.module';
import { NotesModule } from '../notes/notes.module';
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
export class JobsModule {}
