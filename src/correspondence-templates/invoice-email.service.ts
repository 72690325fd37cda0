import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BillingConfigService } from '../billing-config/billing-config.service';
import type { BillMode } from '../billing-config/billing-settings';
import type { InvoiceResponseDto } from '../billing/dto/invoice.dto';
import { InvoicesService } from '../billing/invoices.service';
import { ConflictException, DomainException } from '../common/errors';
import { EmailService, type OutgoingEmail } from '../email/email.service';
import type { InvoiceEmailRecipientsDto, InvoiceEmailResultDto } from './dto/invoice-email.dto';
import type { MessageTemplateResponseDto } from './dto/message-template.dto';
import type { MergeValues } from './merge-fields';
import { MergeValuesService } from './merge-values.service';
import { MessageRecipient, MessageRecipientsService } from './message-recipients.service';
import { MessageTemplatesService } from './message-templates.service';
import { BillingErrorCode } from '../billing/billing.error-codes';
import { CorrespondenceTemplatesErrorCode } from './correspondence-templates.error-codes';
import { transactionWithRetry } from '../database/transaction';

/** What a bill looks like in each bill mode: its wording and its PDF. */
const BY_BILL_MODE = {
  invoice: { templateKey: 'invoice', kind: 'invoice_pdf', filename: (number: string) => `invoice-${number}.pdf` },
  statement: { templateKey: 'statement', kind: 'statement_pdf', filename: (number: string) => `statement-${number}.pdf` },
} as const satisfies Record<BillMode, { templateKey: string; kind: string; filename: (n: string) => string }>;

/** The key that makes a bill run's email of an invoice to a contact happen once, however often the batch runs. */
export const invoiceDedupeKey = (invoiceId: number, contactId: number) => `invoice-${invoiceId}-contact-${contactId}`;

/**
 * Emails invoices: on a clerk's request (to every recipient, child accounts
 * included) and after each bill run batch (accounts set to get invoices by email,
 * never child accounts, each invoice to each contact once). The account's bill
 * mode picks the wording and whether the invoice or the statement is attached.
 */
@Injectable()
export class InvoiceEmailService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly invoices: InvoicesService,
    private readonly billingConfig: BillingConfigService,
    private readonly templates: MessageTemplatesService,
    private readonly mergeValues: MergeValuesService,
    private readonly recipients: MessageRecipientsService,
    private readonly emails: EmailService,
    private readonly audit: AuditService,
  ) {}

  async recipientsOf(invoiceId: number): Promise<InvoiceEmailRecipientsDto> {
    const em = this.db.manager;
    const invoice = await this.invoices.get(invoiceId, em);
    const { billMode } = await this.billingConfig.effective(em, invoice.accountId);
    const template = await this.templates.get(BY_BILL_MODE[billMode].templateKey, em);
    const recipients = await this.recipients.recipients(em, invoice.accountId, template.categoryId, { automatic: false });
    return { invoiceId, billMode, templateKey: template.key, categoryName: template.categoryName, recipients };
  }

  /** A clerk sends the invoice now: one email per recipient, queued with an audit entry in one transaction, delivered after it. */
  async emailInvoice(invoiceId: number): Promise<InvoiceEmailResultDto> {
    const { ids, result } = await transactionWithRetry(this.db, async (em) => {
      const invoice = await this.invoices.get(invoiceId, em);
      if (invoice.void)
        throw new ConflictException(BillingErrorCode.InvoiceVoid, `Invoice ${invoice.number} is void and cannot be emailed`);
      const { billMode } = await this.billingConfig.effective(em, invoice.accountId);
      const template = await this.templates.get(BY_BILL_MODE[billMode].templateKey, em);
      const recipients = await this.recipients.recipients(em, invoice.accountId, template.categoryId, { automatic: false });
      if (!recipients.length) {
        throw new DomainException(
          CorrespondenceTemplatesErrorCode.NoRecipients,
          `No contact of account "${invoice.accountName}" has an email address and the "${template.categoryName}" message category ticked, so there is nobody to email invoice ${invoice.number} to`,
        );
      }
      const outgoing = await this.messagesFor(em, invoice, billMode, template, recipients, false);
      const ids = await this.emails.queueLocked(em, outgoing);
      const queued = recipients.map((r, i) => ({ emailId: ids[i], contactId: r.contactId, to: r.email }));
      await this.audit.recordAction(em, {
        action: 'invoice.email',
        entityType: 'invoice',
        entityId: invoice.id,
        accountId: invoice.accountId,
        after: { billMode, templateKey: template.key, emails: queued },
      });
      return { ids, result: { invoiceId: invoice.id, billMode, emails: queued } };
    });
    // The clerk's emails are committed: a Temporal hiccup now is logged rather than answered as an error inviting a second send.
    await this.emails.startDeliveryLogged(ids);
    return result;
  }

  /**
   * Queues the email of each invoice a bill run made for the date on these accounts
   * (those that get invoices by email and are not child accounts), then starts
   * delivery. Keyed per invoice and contact, so a batch run again queues nothing new.
   * Returns how many emails the invoices have.
   */
  async queueBillRunInvoices(accountIds: number[], billingDate: string): Promise<number> {
    if (!accountIds.length) return 0;
    const em = this.db.manager;
    const rows: { id: number; accountId: number }[] = await em.query(
      `SELECT i.id, i.account_id AS accountId FROM invoices i JOIN accounts a ON a.id = i.account_id
        WHERE i.account_id IN (?) AND i.generated_for = ? AND i.is_void = 0 AND a.parent_account_id IS NULL ORDER BY i.id`,
      [accountIds, billingDate],
    );
    if (!rows.length) return 0;
    const settings = await this.billingConfig.effectiveForAccounts(
      em,
      rows.map((r) => Number(r.accountId)),
    );
    const wanted = rows.filter((r) => settings.get(Number(r.accountId))?.emailInvoices);
    if (!wanted.length) return 0;

    const outgoing: OutgoingEmail[] = [];
    for (const billMode of ['invoice', 'statement'] as const) {
      const ofMode = wanted.filter((r) => settings.get(Number(r.accountId))?.billMode === billMode);
      if (!ofMode.length) continue;
      const template = await this.templates.get(BY_BILL_MODE[billMode].templateKey, em);
      const recipients = await this.recipients.recipientsOfMany(
        em,
        ofMode.map((r) => Number(r.accountId)),
        template.categoryId,
        { automatic: true },
      );
      const reached = ofMode.filter((r) => recipients.get(Number(r.accountId))?.length);
      if (!reached.length) continue;
      // What the messages show, read for the whole batch rather than invoice by invoice.
      const byId = await this.invoices.getMany(
        reached.map((r) => Number(r.id)),
        em,
      );
      const invoices = reached.flatMap((r) => byId.get(Number(r.id)) ?? []);
      const accountValues = await this.mergeValues.accountValuesOf(
        em,
        invoices.map((i) => i.accountId),
      );
      const invoiceValues = await this.mergeValues.invoiceValuesOf(em, invoices);
      for (const invoice of invoices) {
        const values = { ...accountValues.get(invoice.accountId), ...invoiceValues.get(invoice.id) };
        outgoing.push(...this.messagesOf(invoice, billMode, template, recipients.get(invoice.accountId) ?? [], values, true));
      }
    }
    if (!outgoing.length) return 0;
    const ids = await transactionWithRetry(this.db, (tx) => this.emails.queueLocked(tx, outgoing));
    await this.emails.startBulkDelivery(ids);
    return ids.length;
  }

  private async messagesFor(
    em: EntityManager,
    invoice: InvoiceResponseDto,
    billMode: BillMode,
    template: MessageTemplateResponseDto,
    recipients: MessageRecipient[],
    automatic: boolean,
  ): Promise<OutgoingEmail[]> {
    const values = {
      ...(await this.mergeValues.values(em, { accountId: invoice.accountId })),
      ...(await this.mergeValues.invoiceValues(em, invoice.accountId, invoice)),
    };
    return this.messagesOf(invoice, billMode, template, recipients, values, automatic);
  }

  /** One email of the invoice per recipient, its wording filled in from `values`. */
  private messagesOf(
    invoice: InvoiceResponseDto,
    billMode: BillMode,
    template: MessageTemplateResponseDto,
    recipients: MessageRecipient[],
    values: MergeValues,
    automatic: boolean,
  ): OutgoingEmail[] {
    const shape = BY_BILL_MODE[billMode];
    return recipients.map((r) => {
      const { subject, text } = this.templates.render(template, { ...values, 'contact.name': r.name });
      return {
        accountId: invoice.accountId,
        contactId: r.contactId,
        to: r.email,
        subject,
        text,
        categoryId: template.categoryId,
        templateKey: template.key,
        related: { type: 'invoice', id: invoice.id },
        attachments: [{ kind: shape.kind, sourceId: invoice.id, filename: shape.filename(invoice.number) }],
        dedupeKey: automatic ? invoiceDedupeKey(invoice.id, r.contactId) : null,
      };
    });
  }
}
