import { Injectable } from '@nestjs/common';
import { BillingDocumentsService } from '../billing/billing-documents.service';
import { DomainException } from '../common/errors';

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
 * Renders attachments when the email goes out rather than when it is queued, so a
 * queued row stays small and a retry days later shows the figures as they are then.
 */
@Injectable()
export class EmailAttachments {
  constructor(private readonly documents: BillingDocumentsService) {}

  async render(refs: AttachmentRef[]): Promise<{ filename: string; contentType: string; content: Buffer }[]> {
    const rendered = [];
    for (const ref of refs) {
      try {
        rendered.push({ filename: ref.filename, contentType: ref.contentType, content: await this.pdf(ref) });
      } catch (err) {
        if (err instanceof DomainException) throw new AttachmentUnavailable(`${ref.filename} could not be made: ${err.message}`);
        throw err;
      }
    }
    return rendered;
  }

  private pdf(ref: AttachmentRef): Promise<Buffer> {
    switch (ref.kind) {
      case 'invoice_pdf':
        return this.documents.invoicePdf(ref.sourceId);
      case 'statement_pdf':
        return this.documents.statementPdf(ref.sourceId);
      case 'receipt_pdf':
        return this.documents.receiptPdf(ref.sourceId);
    }
  }
}
