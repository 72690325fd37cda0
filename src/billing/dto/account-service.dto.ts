import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsPositive, Max, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';
import { IsMinorUnits } from './money';

export class AddAccountServiceDto {
  @ApiProperty() @IsInt() @IsPositive() accountId: number;
  @ApiPropertyOptional({ description: 'A recurring, data or voice service; give this or packageId' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  serviceId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() packageId?: number;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(100000) quantity?: number;
  @ApiPropertyOptional({ description: 'Unit price in minor units instead of the catalogue price (services only)' })
  @IsOptional()
  @IsMinorUnits()
  priceOverride?: number;
  @ApiPropertyOptional({
    description: 'Prorate the first period; needs billing.proration_override, otherwise the billing configuration decides',
  })
  @IsOptional()
  @IsBoolean()
  prorate?: boolean;
  @ApiPropertyOptional({ description: 'Today when left out' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class RemoveAccountServiceDto {
  @ApiPropertyOptional({ description: 'Today when left out' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
  @ApiPropertyOptional({ description: 'Credit the unused days; needs billing.proration_override' })
  @IsOptional()
  @IsBoolean()
  prorate?: boolean;
}

export class ChangeQuantityDto {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(100000) quantity: number;
  @ApiPropertyOptional({ description: 'Today when left out' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
  @ApiPropertyOptional({ description: 'Prorate the change; needs billing.proration_override' })
  @IsOptional()
  @IsBoolean()
  prorate?: boolean;
}

/** Leaving a field out keeps it; null clears the price override or the proration date. */
export class EditAccountServiceDto {
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(100000) quantity?: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Unit price in minor units; null goes back to the catalogue price' })
  @ValidateIf((_: object, value: unknown) => value !== undefined && value !== null)
  @IsMinorUnits()
  priceOverride?: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2026-07-15',
    description: 'The day proration of the first period started from',
  })
  @ValidateIf((_: object, value: unknown) => value !== undefined && value !== null)
  @IsCalendarDate()
  prorationDate?: string | null;
}

export class AccountServiceResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty({ nullable: true, type: Number }) serviceId: number | null;
  @ApiProperty({ nullable: true, type: Number }) packageId: number | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['recurring', 'data', 'voice', 'package'] }) kind: string;
  @ApiProperty({ nullable: true, type: Number }) downloadKbps: number | null;
  @ApiProperty({ nullable: true, type: Number }) uploadKbps: number | null;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: 'Catalogue unit price, minor units' }) unitPrice: number;
  @ApiProperty({ nullable: true, type: Number }) priceOverride: number | null;
  @ApiProperty({ description: 'One period for the whole quantity, before taxes' }) periodAmount: number;
  @ApiProperty() prorateOnAdd: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'The day proration of the first period started from' })
  additionProrateDate: string | null;
  @ApiProperty() addedOn: string;
  @ApiProperty({ nullable: true, type: String }) removedOn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Charged up to (not including) this day' }) chargedThrough: string | null;
}

export class AccountServiceFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
  @ApiPropertyOptional({ description: 'Include removed services' }) @IsOptional() @IsBoolean() includeRemoved?: boolean;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsInt({ each: true }) id?: number[];
}
