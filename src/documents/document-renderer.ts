import { Injectable } from '@nestjs/common';
import { renderContractPdf } from './contract.pdf';
import type { ContractDocument, InvoiceDocument, ReceiptDocument, StatementDocument } from './document-types';
import { renderInvoicePdf } from './invoice.pdf';
import { renderReceiptPdf } from './receipt.pdf';
import { renderStatementPdf } from './statement.pdf';

/** The renderers as an injectable, for services that gather a document's data and want its PDF bytes. */
@Injectable()
export class DocumentRenderer {
  invoice(doc: InvoiceDocument): Promise<Buffer> {
    return renderInvoicePdf(doc);
  }

  statement(doc: StatementDocument): Promise<Buffer> {
    return renderStatementPdf(doc);
  }

  receipt(doc: ReceiptDocument): Promise<Buffer> {
    return renderReceiptPdf(doc);
  }

  /** The signed contract before its digital signature (contracts/pdf-signature.ts adds that). */
  contract(doc: ContractDocument): Promise<Buffer> {
    return renderContractPdf(doc);
  }
}
