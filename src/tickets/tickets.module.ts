import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CallLogsModule } from '../call-logs/call-logs.module';
import { EmailModule } from '../email/email.module';
import { FilesModule } from '../files/files.module';
import { NotesModule } from '../notes/notes.module';
import { TicketCallLogsService } from './ticket-call-logs.service';
import { TicketConversationService } from './ticket-conversation.service';
import { TicketEvents } from './ticket-events';
import { TicketInboundService } from './ticket-inbound.service';
import { TicketLocks } from './ticket-locks';
import { TicketMergeService } from './ticket-merge.service';
import { TicketRecipientsService } from './ticket-recipients.service';
import { TicketRows } from './ticket-rows';
import { TicketSettingsController } from './ticket-settings.controller';
import { TicketSettingsService } from './ticket-settings.service';
import { TicketsController } from './tickets.controller';
import { TicketViewsService } from './ticket-views.service';
import { TicketsService } from './tickets.service';

@Module({
  imports: [AccountsModule, CallLogsModule, EmailModule, FilesModule, NotesModule],
  controllers: [TicketsController, TicketSettingsController],
  providers: [
    TicketRows,
    TicketEvents,
    TicketLocks,
    TicketViewsService,
    TicketRecipientsService,
    TicketsService,
    TicketConversationService,
    TicketMergeService,
    TicketCallLogsService,
    TicketSettingsService,
    TicketInboundService,
  ],
  exports: [TicketsService, TicketConversationService, TicketEvents, TicketInboundService],
})
export class TicketsModule {}
