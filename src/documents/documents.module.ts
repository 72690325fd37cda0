import { Module } from '@nestjs/common';
import { DocumentRenderer } from './document-renderer';

/** PDF invoices, statements and receipts, rendered from plain data; no database access here. */
@Module({
  providers: [DocumentRenderer],
  exports: [DocumentRenderer],
})
export class DocumentsModule {}
