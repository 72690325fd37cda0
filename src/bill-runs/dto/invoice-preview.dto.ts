import { ApiProperty } from '@nestjs/swagger';

export class InvoicePreviewParkingDto {
  @ApiProperty({ enum: ['unexplained_charges', 'negative_total', 'spike'] }) rule: string;
  @ApiProperty({ description: 'Why the run would park the account, in a sentence' }) reason: string;
  @ApiProperty({ nullable: true, type: Number, description: "The account's usual invoice total, minor units" }) usualTotal: number | null;
}

export class InvoicePreviewLineDto {
  @ApiProperty() description: string;
  @ApiProperty({ description: 'Before taxes, minor units' }) amount: number;
  @ApiProperty({ description: 'Minor units' }) taxAmount: number;
}

/** What a bill run would invoice one account for a date; nothing is written. */
export class InvoicePreviewDto {
  @ApiProperty() accountId: number;
  @ApiProperty({ example: 'Jane Smith' }) accountName: string;
  @ApiProperty({ description: 'The invoice for this date exists already; the lines shown are the ones it has' }) alreadyInvoiced: boolean;
  @ApiProperty({
    type: InvoicePreviewParkingDto,
    nullable: true,
    description: 'A bill run would park this account rather than invoice it, and why',
  })
  parked: InvoicePreviewParkingDto | null;
  @ApiProperty({ description: 'Minor units' }) total: number;
  @ApiProperty({ description: 'Minor units' }) taxTotal: number;
  @ApiProperty({ type: [InvoicePreviewLineDto] }) lines: InvoicePreviewLineDto[];
}
