import { Module, OnModuleInit } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EmailModule } from '../email/email.module';
import { NotesModule } from '../notes/notes.module';
import { TicketEvents } from '../tickets/ticket-events';
import { TicketsModule } from '../tickets/tickets.module';
import { TicketDeadlineCalculator } from './ticket-deadline-calculator';
import { TicketDeadlineSettingsService } from './ticket-deadline-settings.service';
import { TicketDeadlineTimers } from './ticket-deadline-timers';
import { TicketDeadlineActivities } from './ticket-deadlines.activities';
import { TicketDeadlinesController } from './ticket-deadlines.controller';
import { TicketDeadlinesService } from './ticket-deadlines.service';

/**
 * Ticket deadlines: business hours, holidays and targets, and a durable timer per open ticket
 * that tells people when a target is missed. Listens to every change of tickets.
 */
@Module({
  imports: [AccountsModule, EmailModule, NotesModule, TicketsModule],
  controllers: [TicketDeadlinesController],
  providers: [
    TicketDeadlineCalculator,
    TicketDeadlinesService,
    TicketDeadlineSettingsService,
    TicketDeadlineTimers,
    TicketDeadlineActivities,
  ],
  exports: [TicketDeadlineActivities],
})
export class TicketDeadlinesModule implements OnModuleInit {
  constructor(
    private readonly events: TicketEvents,
    private readonly timers: TicketDeadlineTimers,
  ) {}

  onModuleInit(): void {
    this.events.subscribe((ticketIds) => this.timers.ticketsChanged(ticketIds));
  }
}
