import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource, EntityManager } from 'typeorm';
import { EmailService, type OutgoingEmail } from '../email/email.service';
import type { PaymentNotifier } from '../payments/payment-notifier';
import { ProcessorPaymentRow, processorPayments } from '../payments/processor-payment-rows';
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

  async paymentsSettled(processorPaymentIds: number[]): Promise<void> {
    await this.notify(processorPaymentIds);
  }

  /**
   * Queues the message of each payment's outcome (the receipt, or the failure) for the
   * payments given, read set-wise: a batch of settlements queues its emails together.
   * Returns the ids of the emails queued.
   */
  private async notify(paymentIds: number[]): Promise<number[]> {
    try {
      const em = this.db.manager;
      const payments = [...(await processorPayments.byIds(em, paymentIds)).values()];
      const queued: number[] = [];
      for (const event of ['succeeded', 'failed'] as const) {
        // Reported late (the payment has moved on since): say nothing rather than something no longer true.
        const now = payments.filter((p) => p.status === event);
        if (now.length) queued.push(...(await this.notifyOf(em, now, event)));
      }
      return queued;
    } catch (err) {
      this.logger.error({ err, paymentIds }, 'Could not queue the payment emails; the payments themselves are unaffected');
      return [];
    }
  }

  private async notifyOf(em: EntityManager, payments: ProcessorPaymentRow[], event: PaymentEvent): Promise<number[]> {
    const template = await this.templates.get(TEMPLATE_OF[event], em);
    // Told once as a whole: a contact added after the event does not get a late copy when it is reported again.
    const told: { related_id: number }[] = await em.query(
      "SELECT DISTINCT related_id FROM emails WHERE related_type = 'payment' AND related_id IN (?) AND template_key = ?",
      [payments.map((p) => p.id), template.key],
    );
    const toldIds = new Set(told.map((r) => Number(r.related_id)));
    const untold = payments.filter((p) => !toldIds.has(p.id));
    if (!untold.length) return [];
    const accountIds = [...new Set(untold.map((p) => p.accountId))];
    const recipients = await this.recipients.recipientsOfMany(em, accountIds, template.categoryId, { automatic: true });
    const reached = untold.filter((p) => recipients.has(p.accountId));
    if (!reached.length) return [];
    const accountValues = await this.mergeValues.accountValuesOf(em, [...new Set(reached.map((p) => p.accountId))]);
    const outgoing: OutgoingEmail[] = [];
    for (const payment of reached) {
      const values = {
        ...(accountValues.get(payment.accountId) ?? {}),
        ...(await this.mergeValues.paymentValues(em, payment.accountId, payment)),
      };
      for (const r of recipients.get(payment.accountId) ?? []) {
        outgoing.push({
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
        });
      }
    }
    return this.emails.queue(outgoing);
  }
}
