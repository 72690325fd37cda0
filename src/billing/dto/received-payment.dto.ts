import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsPositive } from 'class-validator';
import { IsCalendarMonth } from '../../common/calendar-date';
import { PAYMENT_METHODS, type PaymentMethod } from '../ledger-postings';

/** One payment received, on any account: a row of the paid-by-month figure. */
export class ReceivedPaymentDto {
  @ApiProperty({ description: "The payment's transaction" }) id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() accountName: string;
  @ApiProperty({ example: '2026-11-05', description: 'The day the payment is dated, the day it counts in' }) date: string;
  @ApiProperty({ description: 'What it brought in, tax included, in minor units' }) amount: number;
  @ApiProperty({ enum: PAYMENT_METHODS, nullable: true }) method: PaymentMethod | null;
  @ApiProperty({ nullable: true, type: String, description: 'Check number or wire reference' }) reference: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'Voided or reversed later; it still counts on the day it was received' }) reversed: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'The void row that undid it' }) reversedByTransactionId: number | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-20', description: 'The day the void row is dated' })
  reversedOn: string | null;
}

export class ReceivedPaymentFilterDto {
  @ApiPropertyOptional({
    example: '2026-11',
    description: "Payments dated in this month (YYYY-MM), reversed ones included: the month's paid figure on the dashboard",
  })
  @IsOptional()
  @IsCalendarMonth()
  receivedIn?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
  @ApiPropertyOptional({ enum: PAYMENT_METHODS }) @IsOptional() @IsIn(PAYMENT_METHODS) method?: PaymentMethod;
}

export const RECEIVED_PAYMENT_SORTABLE = ['id', 'date', 'amount'] as const;
export type ReceivedPaymentSortField = (typeof RECEIVED_PAYMENT_SORTABLE)[number];
