import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { AGING_BUCKETS, type AgingBucket } from '../receivables-aging';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsCalendarMonth } from '../../common/calendar-date';
import { IsMinorUnits } from './money';

export class InvoiceResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() accountName: string;
  @ApiProperty({ example: 'INV-0000042' }) number: string;
  @ApiProperty({ example: '2026-12-01' }) invoiceDate: string;
  @ApiProperty({ example: '2026-12-15' }) dueDate: string;
  @ApiProperty({ nullable: true, type: String }) periodStart: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Last day covered, inclusive' }) periodEnd: string | null;
  @ApiProperty() months: number;
  @ApiProperty({ description: 'Charges with their taxes, minor units' }) total: number;
  @ApiProperty() taxTotal: number;
  @ApiProperty() paid: number;
  @ApiProperty() remaining: number;
  @ApiProperty({ description: 'Still owed on child invoices linked to this one' }) childRemaining: number;
  @ApiProperty() frozen: boolean;
  @ApiProperty() delinquent: boolean;
  @ApiProperty() void: boolean;
  @ApiProperty() manual: boolean;
  @ApiProperty({ nullable: true, type: String }) message: string | null;
  @ApiProperty({ nullable: true, type: Number }) parentInvoiceId: number | null;
  @ApiProperty({ nullable: true, type: String }) parentInvoiceNumber: string | null;
  @ApiProperty({ nullable: true, type: Number }) parentAccountId: number | null;
  @ApiProperty() createdAt: Date;
}

export class InvoiceFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
  @ApiPropertyOptional({ description: 'Only invoices with money still owed (true) or settled and void ones (false)' })
  @IsOptional()
  @IsBoolean()
  open?: boolean;
  @ApiPropertyOptional({ description: 'Child invoices linked to this invoice' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  parentInvoiceId?: number;
  @ApiPropertyOptional({ description: "Children's invoices linked to this account's invoices" })
  @IsOptional()
  @IsInt()
  @IsPositive()
  childrenOfAccountId?: number;
  @ApiPropertyOptional({
    enum: AGING_BUCKETS,
    description: 'Open invoices this many days past their due date today (current: not yet past it)',
  })
  @IsOptional()
  @IsIn(AGING_BUCKETS)
  agingBucket?: AgingBucket;
  @ApiPropertyOptional({
    example: '2026-11',
    description: "Invoices dated in this month (YYYY-MM), void ones left out: the month's invoiced figure on the dashboard",
  })
  @IsOptional()
  @IsCalendarMonth()
  invoicedIn?: string;
}

export const INVOICE_SORTABLE = ['id', 'invoiceDate', 'dueDate', 'total'] as const;
export type InvoiceSortField = (typeof INVOICE_SORTABLE)[number];

export class InvoiceLineDto {
  @ApiProperty() @IsInt() @IsPositive() serviceId: number;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(100000) quantity?: number;
  @ApiPropertyOptional({ description: "Unit price in minor units; the service's price when left out" })
  @IsOptional()
  @IsMinorUnits()
  price?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) description?: string;
}

export class CreateInvoiceDto {
  @ApiProperty() @IsInt() @IsPositive() accountId: number;
  @ApiPropertyOptional({ example: '2026-12-01', description: 'Today when left out' })
  @IsOptional()
  @IsCalendarDate()
  invoiceDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() dueDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() periodStart?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() periodEnd?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(24) months?: number;
  @ApiPropertyOptional({ type: [InvoiceLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InvoiceLineDto)
  lines?: InvoiceLineDto[];
  @ApiPropertyOptional({ description: 'Also put every charge still waiting for an invoice on this one' })
  @IsOptional()
  @IsBoolean()
  includeUninvoiced?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) message?: string | null;
}

export class UpdateInvoiceDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() frozen?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(2000) message?: string | null;
}

export class VoidDto {
  @ApiPropertyOptional({ description: 'Why, for the record' }) @IsOptional() @IsString() @MaxLength(200) reason?: string;
  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'The day the correction is dated: today when left out; never inside a closed accounting period',
  })
  @IsOptional()
  @IsCalendarDate()
  effectiveDate?: string;
}

export class ApplyCreditsDto {
  @ApiProperty({ description: 'Minor units of available credit to put on this invoice' }) @IsMinorUnits({ min: 1 }) amount: number;
}

export class LinkInvoiceDto {
  @ApiProperty({ description: "The child account's invoice to put under this one" }) @IsInt() @IsPositive() childInvoiceId: number;
}

export class GenerateInvoiceDto {
  @ApiProperty({
    example: '2026-12-01',
    description: 'The billing date: the first day of the period in advance, the day after it in arrears',
  })
  @IsCalendarDate()
  billingDate: string;
}

export class GeneratedInvoiceDto {
  @ApiProperty({ description: 'false when the invoice already existed from an earlier call' }) created: boolean;
  @ApiProperty({ type: InvoiceResponseDto, nullable: true, description: 'null when nothing was waiting to be invoiced' })
  invoice: InvoiceResponseDto | null;
}

export class AppliedCreditsDto {
  @ApiProperty() invoiceId: number;
  @ApiProperty({ description: 'How much credit was applied, minor units' }) applied: number;
}
