import { Injectable } from '@nestjs/common';
import { BillingDocumentsService, documentOf } from '../billing/billing-documents.service';
import { DomainException } from '../common/errors';
import { DocumentRenderer } from '../documents/document-renderer';
import type { InvoiceDocument, ReceiptDocument } from '../documents/document-types';

export type EmailAttachmentKind = 'invoice_pdf' | 'statement_pdf' | 'receipt_pdf';
export const EMAIL_ATTACHMENT_KINDS: readonly EmailAttachmentKind[] = ['invoice_pdf', 'statement_pdf', 'receipt_pdf'];

export interface AttachmentRef {
  filename: string;
  contentType: string;
  kind: EmailAttachmentKind;
  sourceId: number;
}

/** A document an email refers to can no longer be made (the invoice is gone, say); trying again will not help. */
export class AttachmentUnavailable extends Error {}

/**
 * The data of a batch's invoices and receipts, gathered set-wise before its emails go
 * out one by one; each PDF is still drawn only when its email is tried.
 */
export interface GatheredDocuments {
  invoices: Map<number, InvoiceDocument | DomainException>;
  receipts: Map<number, ReceiptDocument | DomainException>;
}

/**
 * Renders attachments when the email goes out rather than when it is queued, so a
 * queued row stays small and a retry days later shows the figures as they are then.
 */
@Injectable()
export class EmailAttachments {
  constructor(
    private readonly documents: BillingDocumentsService,
    private readonly renderer: DocumentRenderer,
  ) {}

  /** What the attachments of a batch's emails show, each kind read in a few queries for the whole batch. */
  async gather(refs: AttachmentRef[]): Promise<GatheredDocuments> {
    const idsOf = (kind: EmailAttachmentKind) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.sourceId))];
    return {
      invoices: await this.documents.invoiceDocuments(idsOf('invoice_pdf')),
      receipts: await this.documents.receiptDocuments(idsOf('receipt_pdf')),
    };
  }

  async render(refs: AttachmentRef[], gathered?: GatheredDocuments): Promise<{ filename: string; contentType: string; content: Buffer }[]> {
    const rendered = [];
    for (const ref of refs) {
      try {
        rendered.push({ filename: ref.filename, contentType: ref.contentType, content: await this.pdf(ref, gathered) });
      } catch (err) {
        if (err instanceof DomainException) throw new AttachmentUnavailable(`${ref.filename} could not be made: ${err.message}`);
        throw err;
      }
    }
    return rendered;
  }

  private pdf(ref: AttachmentRef, gathered?: GatheredDocuments): Promise<Buffer> {
    switch (ref.kind) {
      case 'invoice_pdf':
        return gathered?.invoices.has(ref.sourceId)
          ? this.renderer.invoice(documentOf(gathered.invoices, ref.sourceId))
          : this.documents.invoicePdf(ref.sourceId);
      case 'statement_pdf':
        return this.documents.statementPdf(ref.sourceId);
      case 'receipt_pdf':
        return gathered?.receipts.has(ref.sourceId)
          ? this.renderer.receipt(documentOf(gathered.receipts, ref.sourceId))
          : this.documents.receiptPdf(ref.sourceId);
    }
  }
}
