import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { TicketsModule } from '../tickets/tickets.module';
import { InboundMailController } from './inbound-mail.controller';
import { InboundMailActivities } from './inbound-mail.activities';
import { InboundMailRows } from './inbound-mail-rows';
import { InboundMailService } from './inbound-mail.service';
import { InboundMessagesService } from './inbound-messages.service';

/**
 * Helpdesk mail: the mailbox read over IMAP (INBOUND_MAIL_IMAP_URL) by one long-lived workflow,
 * each message filed once on its ticket through the tickets module.
 */
@Module({
  imports: [TicketsModule, FilesModule],
  controllers: [InboundMailController],
  providers: [InboundMailRows, InboundMailService, InboundMessagesService, InboundMailActivities],
  exports: [InboundMailService, InboundMailActivities],
})
export class InboundMailModule {}
