import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BillingConfigModule } from '../billing-config/billing-config.module';
import { BillingModule } from '../billing/billing.module';
import { EmailModule } from '../email/email.module';
import { BillingNotificationsService } from './billing-notifications.service';
import { InvoiceEmailController } from './invoice-email.controller';
import { InvoiceEmailService } from './invoice-email.service';
import { MergeValuesService } from './merge-values.service';
import { MessageRecipientsService } from './message-recipients.service';
import { MessageTemplate } from './message-template.entity';
import { MessageTemplatesController } from './message-templates.controller';
import { MessageTemplatesService } from './message-templates.service';

/** Message templates and the billing mail built from them: invoices, statements, payment receipts and failures. */
@Module({
  imports: [BillingModule, BillingConfigModule, EmailModule, TypeOrmModule.forFeature([MessageTemplate])],
  controllers: [MessageTemplatesController, InvoiceEmailController],
  providers: [MessageTemplatesService, MergeValuesService, MessageRecipientsService, InvoiceEmailService, BillingNotificationsService],
  exports: [InvoiceEmailService, BillingNotificationsService, MessageTemplatesService],
})
export class CorrespondenceTemplatesModule {}
