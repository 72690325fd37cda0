import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { EmailService, type OutgoingEmail } from '../email/email.service';
import type { PaymentNotifier } from '../payments/payment-notifier';
import { processorPayments } from '../payments/processor-payment-rows';
import { MergeValuesService } from './merge-values.service';
import { MessageRecipientsService } from './message-recipients.service';
import { MessageTemplatesService } from './message-templates.service';

type PaymentEvent = 'succeeded' | 'failed';

const TEMPLATE_OF: Record<PaymentEvent, string> = { succeeded: 'payment_receipt', failed: 'payment_failed' };

/**
 * Tells an account's billing contacts that a card or bank payment went through
 * (with the receipt) or failed: the payment notifier the settlement calls after it
 * has committed. It never throws, because a message that could not be queued must
 * not undo or fail a payment. Each event reaches each contact once, however often
 * it is reported.
 */
@Injectable()
export class BillingNotificationsService implements PaymentNotifier {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly templates: MessageTemplatesService,
    private readonly mergeValues: MergeValuesService,
    private readonly recipients: MessageRecipientsService,
    private readonly emails: EmailService,
    @InjectPinoLogger(BillingNotificationsService.name) private readonly logger: PinoLogger,
  ) {}

  async paymentSucceeded(processorPaymentId: number): Promise<void> {
    await this.notify(processorPaymentId, 'succeeded');
  }

  async paymentFailed(processorPaymentId: number): Promise<void> {
    await this.notify(processorPaymentId, 'failed');
  }

  /** Returns the ids of the emails queued (or found already queued) for the event. */
  private async notify(paymentId: number, event: PaymentEvent): Promise<number[]> {
    try {
      const em = this.db.manager;
      const payment = await processorPayments.byId(em, paymentId);
      // Reported late (the payment has moved on since): say nothing rather than something no longer true.
      if (!payment || payment.status !== event) return [];
      const template = await this.templates.get(TEMPLATE_OF[event], em);
      // Told once as a whole: a contact added after the event does not get a late copy when it is reported again.
      const [told]: { id: number }[] = await em.query(
        "SELECT id FROM emails WHERE related_type = 'payment' AND related_id = ? AND template_key = ? LIMIT 1",
        [paymentId, template.key],
      );
      if (told) return [];
      const to = await this.recipients.recipients(em, payment.accountId, template.categoryId, { automatic: true });
      if (!to.length) return [];
      const values = {
        ...(await this.mergeValues.values(em, { accountId: payment.accountId })),
        ...(await this.mergeValues.paymentValues(em, payment.accountId, payment)),
      };
      const outgoing: OutgoingEmail[] = to.map((r) => ({
        accountId: payment.accountId,
        contactId: r.contactId,
        to: r.email,
        ...this.templates.render(template, { ...values, 'contact.name': r.name }),
        categoryId: template.categoryId,
        templateKey: template.key,
        related: { type: 'payment', id: payment.id },
        attachments:
          event === 'succeeded' && payment.transactionId !== null
            ? [{ kind: 'receipt_pdf' as const, sourceId: payment.transactionId, filename: `receipt-${payment.transactionId}.pdf` }]
            : [],
        dedupeKey: `payment-${payment.id}-${event}-contact-${r.contactId}`,
      }));
      return await this.emails.queue(outgoing);
    } catch (err) {
      this.logger.error({ err, paymentId, event }, 'Could not queue the payment email; the payment itself is unaffected');
      return [];
    }
  }
}
