import { ApiProperty } from '@nestjs/swagger';

export class LateFeePreviewDto {
  @ApiProperty({ description: 'Before tax, minor units' }) amount: number;
  @ApiProperty({ description: 'Minor units' }) tax: number;
}

export class DelinquentInvoicePreviewDto {
  @ApiProperty() accountId: number;
  @ApiProperty() invoiceId: number;
  @ApiProperty() invoiceNumber: string;
  @ApiProperty({ example: '2026-11-15' }) dueDate: string;
  @ApiProperty({ description: 'Minor units' }) remaining: number;
  @ApiProperty({ type: LateFeePreviewDto, nullable: true, description: 'The late fee it would draw; null when none' })
  lateFee: LateFeePreviewDto | null;
}

export class StatusChangePreviewDto {
  @ApiProperty() accountId: number;
  @ApiProperty() fromStatusId: number;
  @ApiProperty() toStatusId: number;
}

export class SkippedAccountPreviewDto {
  @ApiProperty() accountId: number;
  @ApiProperty({ enum: ['weekday', 'exclusion_date', 'accounting_period_closed'] }) reason: string;
}

/** What delinquency would do on a date; nothing is written. */
export class DelinquencyPreviewResultDto {
  @ApiProperty({ example: '2026-12-01' }) date: string;
  @ApiProperty({ type: [DelinquentInvoicePreviewDto], description: 'Invoices that would turn delinquent' })
  invoices: DelinquentInvoicePreviewDto[];
  @ApiProperty({ type: [StatusChangePreviewDto] }) statusChanges: StatusChangePreviewDto[];
  @ApiProperty({ type: [SkippedAccountPreviewDto] }) skipped: SkippedAccountPreviewDto[];
  @ApiProperty({ description: 'More accounts had overdue invoices than the preview looked at' }) more: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Account names by account id' })
  accountNames: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Status names by status id' })
  statusNames: Record<string, string>;
}
