import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsPositive, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';
import { IsMinorUnits } from './money';

export const TRANSACTION_KINDS = ['debit', 'discount', 'payment', 'adjustment', 'void'] as const;

export class TransactionTaxDto {
  @ApiProperty() taxId: number;
  @ApiProperty() taxName: string;
  @ApiProperty({ description: 'Percent × 10 000' }) rateE4: number;
  @ApiProperty() amount: number;
}

export class TransactionResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty({ enum: TRANSACTION_KINDS }) kind: string;
  @ApiProperty({ enum: ['debit', 'credit'], description: 'debit raises what the account owes, credit lowers it' }) side: string;
  @ApiProperty({ description: 'Before taxes, minor units' }) amount: number;
  @ApiProperty() taxAmount: number;
  @ApiProperty({ description: 'amount + taxAmount' }) total: number;
  @ApiProperty() date: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: Number }) serviceId: number | null;
  @ApiProperty({ nullable: true, type: Number }) quantity: number | null;
  @ApiProperty({ nullable: true, type: String }) paymentMethod: string | null;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({ nullable: true, type: Number }) invoiceId: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'INV-0000006' }) invoiceNumber: string | null;
  @ApiProperty({ nullable: true, type: Number }) correctsTransactionId: number | null;
  @ApiProperty({ nullable: true, type: Number }) correctedByTransactionId: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'First day a service charge covers' }) periodStart: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Last day a service charge covers' }) periodEnd: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ nullable: true, type: String, description: 'The staff user who posted it; null when the system did' })
  createdByName: string | null;
  @ApiProperty({ description: 'Credit still free to pay invoices (credits only)' }) unapplied: number;
  @ApiProperty({ description: 'Running balance after this transaction' }) balance: number;
  @ApiProperty({ type: [TransactionTaxDto] }) taxes: TransactionTaxDto[];
}

export class TransactionFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
  @ApiPropertyOptional({ enum: TRANSACTION_KINDS }) @IsOptional() @IsIn(TRANSACTION_KINDS) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() invoiceId?: number;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsInt({ each: true }) id?: number[];
}

export const TRANSACTION_SORTABLE = ['id', 'date'] as const;
export type TransactionSortField = (typeof TRANSACTION_SORTABLE)[number];

export class PaymentDto {
  @ApiProperty() @IsInt() @IsPositive() accountId: number;
  @ApiProperty({ enum: ['cash', 'check', 'wire'] }) @IsIn(['cash', 'check', 'wire']) method: 'cash' | 'check' | 'wire';
  @ApiProperty({ description: 'Minor units' }) @IsMinorUnits({ min: 1 }) amount: number;
  @ApiPropertyOptional({ description: 'Check number or wire reference; required for those' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;
  @ApiPropertyOptional({ description: 'Today when left out' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class OneTimeTransactionDto {
  @ApiProperty() @IsInt() @IsPositive() accountId: number;
  @ApiProperty() @IsInt() @IsPositive() serviceId: number;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(100000) quantity?: number;
  @ApiPropertyOptional({ description: "Unit price, minor units; the service's price when left out" })
  @IsOptional()
  @IsMinorUnits()
  price?: number;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() date?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) description?: string;
}

export class AdjustmentDto {
  @ApiProperty() @IsInt() @IsPositive() accountId: number;
  @ApiProperty({ description: 'An adjustment service; it says whether this is a debit or a credit' })
  @IsInt()
  @IsPositive()
  serviceId: number;
  @ApiPropertyOptional({ description: "Minor units; the service's price when left out" })
  @IsOptional()
  @IsMinorUnits({ min: 1 })
  amount?: number;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() date?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) description?: string;
}

export class DescribeDebitDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(255) description: string;
}

export class PostedTransactionDto {
  @ApiProperty({ type: TransactionResponseDto }) transaction: TransactionResponseDto;
  @ApiProperty({ description: 'Where the credit went: [{creditId, invoiceId, amount}]' }) applied: {
    creditId: number;
    invoiceId: number;
    amount: number;
  }[];
}

export class AppliedCreditDto extends TransactionResponseDto {
  @ApiProperty({ description: 'How much of this credit pays the invoice, minor units' }) appliedAmount: number;
}

export class InvoiceTransactionsDto {
  @ApiProperty({ type: [TransactionResponseDto], description: 'Charges on the invoice, oldest first' }) charges: TransactionResponseDto[];
  @ApiProperty({ type: [AppliedCreditDto], description: 'Credits applied to the invoice' }) credits: AppliedCreditDto[];
}

export class CreditApplicationDto {
  @ApiProperty() id: number;
  @ApiProperty() invoiceId: number;
  @ApiProperty() invoiceNumber: string;
  @ApiProperty({ description: 'Minor units' }) amount: number;
  @ApiProperty({ format: 'date-time' }) appliedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) removedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) removedReason: string | null;
}

export class ChildAccountDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: "The child's account status" }) status: string;
  @ApiProperty({ description: "Owed on the child's invoices linked to the parent's, minor units" }) linkedRemaining: number;
}
