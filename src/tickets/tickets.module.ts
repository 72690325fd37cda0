import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CallLogsModule } from '../call-logs/call-logs.module';
import { EmailModule } from '../email/email.module';
import { FilesModule } from '../files/files.module';
import { NotesModule } from '../notes/notes.module';
import { TicketEvents } from './ticket-events';
import { TicketInboundService } from './ticket-inbound.service';
import { TicketRows } from './ticket-rows';
import { TicketSettingsController } from './ticket-settings.controller';
import { TicketSettingsService } from './ticket-settings.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [AccountsModule, CallLogsModule, EmailModule, FilesModule, NotesModule],
  controllers: [TicketsController, TicketSettingsController],
  providers: [TicketRows, TicketEvents, TicketsService, TicketSettingsService, TicketInboundService],
  exports: [TicketsService, TicketEvents, TicketInboundService],
})
export class TicketsModule {}
