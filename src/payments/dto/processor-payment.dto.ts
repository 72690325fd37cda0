import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsPositive } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';
import { IsMinorUnits } from '../../billing/dto/money';
import { PAYMENT_METHOD_TYPES } from './payment-method.dto';

export const PROCESSOR_PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'refunded', 'reversed'] as const;
export type ProcessorPaymentStatus = (typeof PROCESSOR_PAYMENT_STATUSES)[number];

/** A card or bank payment of an amount, from a method saved on the account. */
export class ProcessorPaymentRequestDto {
  @ApiProperty() @IsInt() @IsPositive() accountId: number;
  @ApiProperty({ description: 'A saved payment method of the account (its id in our list, not the Stripe id)' })
  @IsInt()
  @IsPositive()
  paymentMethodId: number;
  @ApiProperty({ description: 'Minor units' }) @IsMinorUnits({ min: 1 }) amount: number;
  @ApiPropertyOptional({ description: 'The ledger date of the payment; today when left out' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class ProcessorPaymentMethodSummaryDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: PAYMENT_METHOD_TYPES }) type: 'card' | 'bank';
  @ApiProperty({ nullable: true, type: String }) brand: string | null;
  @ApiProperty() last4: string;
}

export class ProcessorPaymentDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty({ enum: PAYMENT_METHOD_TYPES }) method: 'card' | 'bank';
  @ApiProperty({ description: 'Minor units' }) amount: number;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ example: '2026-12-01' }) date: string;
  @ApiProperty({
    enum: PROCESSOR_PAYMENT_STATUSES,
    description: 'pending until the processor confirms it (bank payments settle days later), then succeeded or failed',
  })
  status: ProcessorPaymentStatus;
  @ApiProperty({ nullable: true, type: String, description: "The processor's reason when it failed" }) failureReason: string | null;
  @ApiProperty({ nullable: true, type: String }) stripePaymentIntentId: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The ledger payment, once recorded' }) transactionId: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'The receipt PDF, once recorded' }) receiptUrl: string | null;
  @ApiProperty({ type: ProcessorPaymentMethodSummaryDto }) paymentMethod: ProcessorPaymentMethodSummaryDto;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
