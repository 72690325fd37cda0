import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsPositive } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';

/** One late fee charged, on any account: a row of the dashboard's late-fees figure. */
export class LateFeeDto {
  @ApiProperty({ description: "The late fee's charge on the ledger" }) id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() accountName: string;
  @ApiProperty({ example: '2026-11-17', description: 'The day the fee was charged' }) date: string;
  @ApiProperty({ description: 'The fee with its tax, in minor units' }) amount: number;
  @ApiProperty({ description: 'The overdue invoice the fee was charged for' }) invoiceId: number;
  @ApiProperty({ example: 'INV-0000042' }) invoiceNumber: string;
  @ApiProperty({ description: 'Reversed later (by hand, or with its invoice voided); it still counts on the day it was charged' })
  reversed: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'The discount that reversed it' }) reversedByTransactionId: number | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-20', description: 'The day the reversal is dated' })
  reversedOn: string | null;
}

export class LateFeeFilterDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'Charged on or after this day' })
  @IsOptional()
  @IsCalendarDate()
  chargedFrom?: string;
  @ApiPropertyOptional({ example: '2026-11-30', description: 'Charged on or before this day' })
  @IsOptional()
  @IsCalendarDate()
  chargedTo?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
}

export const LATE_FEE_SORTABLE = ['id', 'date', 'amount'] as const;
export type LateFeeSortField = (typeof LATE_FEE_SORTABLE)[number];
