import { Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
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
export class TicketDeadlinesModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly events: TicketEvents,
    private readonly timers: TicketDeadlineTimers,
    private readonly adapterHost: HttpAdapterHost,
    @InjectPinoLogger('TicketDeadlines') private readonly logger: PinoLogger,
  ) {}

  onModuleInit(): void {
    this.events.subscribe((ticketIds) => this.timers.ticketsChanged(ticketIds));
  }

  /**
   * A worker process, as it starts, gives every open ticket without a timer one (a timer
   * terminated by hand, or a change made while Temporal was away). The API's processes leave
   * it to the workers; it runs in the background and a failure waits for the next start.
   */
  onApplicationBootstrap(): void {
    if (this.adapterHost.httpAdapter) return;
    this.timers.runInBackground('reconcile at worker start', () => this.timers.reconcile().then(() => undefined));
    this.logger.debug('Deadline timers of open tickets are being reconciled');
  }
}
