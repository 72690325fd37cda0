import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingModule } from '../billing/billing.module';
import { DocumentsModule } from '../documents/documents.module';
import { AccountEmailsService } from './account-emails.service';
import { EmailAttachments } from './email-attachments';
import { EmailBatches } from './email-batches';
import { EmailDeliveryService } from './email-delivery.service';
import { EmailActivities } from './email.activities';
import { EmailService } from './email.service';
import { EmailsController } from './emails.controller';
import { SmtpSender } from './smtp-sender';

/** Outgoing email: queuing (for every module that writes to customers), delivery by workflow, and the staff API. */
@Module({
  imports: [AccountsModule, BillingModule, DocumentsModule],
  controllers: [EmailsController],
  providers: [EmailService, EmailBatches, AccountEmailsService, EmailDeliveryService, EmailAttachments, SmtpSender, EmailActivities],
  exports: [EmailService, EmailActivities, AccountEmailsService],
})
export class EmailModule {}
