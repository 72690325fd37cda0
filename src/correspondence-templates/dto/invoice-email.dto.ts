import { ApiProperty } from '@nestjs/swagger';

export class MessageRecipientDto {
  @ApiProperty() contactId: number;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class InvoiceEmailRecipientsDto {
  @ApiProperty() invoiceId: number;
  @ApiProperty({ enum: ['invoice', 'statement'], description: "The account's bill mode: what is attached" }) billMode:
    'invoice' | 'statement';
  @ApiProperty() templateKey: string;
  @ApiProperty({ description: 'The message category a contact must tick to receive it' }) categoryName: string;
  @ApiProperty({ type: [MessageRecipientDto] }) recipients: MessageRecipientDto[];
}

export class QueuedInvoiceEmailDto {
  @ApiProperty() emailId: number;
  @ApiProperty() contactId: number;
  @ApiProperty() to: string;
}

export class InvoiceEmailResultDto {
  @ApiProperty() invoiceId: number;
  @ApiProperty({ enum: ['invoice', 'statement'] }) billMode: 'invoice' | 'statement';
  @ApiProperty({ type: [QueuedInvoiceEmailDto] }) emails: QueuedInvoiceEmailDto[];
}
