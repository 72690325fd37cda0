import { ApiProperty } from '@nestjs/swagger';
import { TransactionResponseDto } from '../../billing/dto/transaction.dto';
import { ProcessorPaymentDto } from './processor-payment.dto';

export class ProcessorRefundResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() paymentId: number;
  @ApiProperty() accountId: number;
  @ApiProperty({ description: 'Minor units' }) amount: number;
  @ApiProperty({ enum: ['requested', 'pending', 'succeeded', 'failed', 'canceled'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) stripeRefundId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The processor's reason when it failed" }) failureReason: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PaymentDisputeResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() stripeDisputeId: string;
  @ApiProperty({ description: 'Minor units' }) amount: number;
  @ApiProperty({ description: "The bank's reason, as the processor reports it" }) reason: string;
  @ApiProperty({ description: "The dispute's state at the processor" }) status: string;
  @ApiProperty({ description: 'The dispute took the payment off the ledger; false when its period was closed (see note)' })
  paymentReversed: boolean;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** Everything that happened to one payment on the ledger, shown in the payment's inner tabs. */
export class PaymentHistoryResponseDto {
  @ApiProperty() transactionId: number;
  @ApiProperty({
    type: ProcessorPaymentDto,
    nullable: true,
    description: 'The card or bank payment behind the ledger row; null for cash, check and wire',
  })
  processorPayment: ProcessorPaymentDto | null;
  @ApiProperty({ type: [TransactionResponseDto], description: 'Ledger rows that undo the payment (a void), oldest first' })
  reversals: TransactionResponseDto[];
  @ApiProperty({ type: [ProcessorRefundResponseDto] }) refunds: ProcessorRefundResponseDto[];
  @ApiProperty({ type: [PaymentDisputeResponseDto] }) disputes: PaymentDisputeResponseDto[];
}

export class PaymentReversalResponseDto {
  @ApiProperty() paymentId: number;
  @ApiProperty({ description: "The void row on the ledger that undoes the payment's credit" }) reversalTransactionId: number;
  @ApiProperty({ type: ProcessorRefundResponseDto, nullable: true, description: 'null when no refund was asked for' })
  refund: ProcessorRefundResponseDto | null;
}
