import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
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
  MinLength,
} from 'class-validator';
import {
  ADJUSTMENT_SIDES,
  AdjustmentSide,
  INCLUDED_MINUTES_SCOPES,
  IncludedMinutesScope,
  SERVICE_KINDS,
  ServiceKind,
} from '../billable-service.entity';
import { IsPrice, IsWholeNumber, MAX_KBPS, OmittableNotNull, trimmed } from './catalog-fields';

/** A month of calls around the clock is 44,640 minutes; a thousand times that is a typo. */
const MAX_INCLUDED_MINUTES = 44_640_000;

const KIND_HELP = 'recurring, data and voice are billed every period; one_time is charged once; adjustment moves a balance';

export class CreateServiceDto {
  @ApiProperty({ example: 'Fiber 100' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(120) name: string;
  @ApiProperty({ enum: SERVICE_KINDS, description: KIND_HELP }) @IsIn(SERVICE_KINDS) kind: ServiceKind;
  @ApiPropertyOptional({ enum: ADJUSTMENT_SIDES, nullable: true, description: 'Required for adjustment services, refused for the rest' })
  @IsOptional()
  @IsIn(ADJUSTMENT_SIDES)
  adjustmentSide?: AdjustmentSide | null;
  @ApiProperty({ description: 'Minor units (cents) per unit', example: 4999 }) @IsPrice() price: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Required for data services, refused for the rest' })
  @IsOptional()
  @IsWholeNumber()
  @Min(1)
  @Max(MAX_KBPS)
  downloadKbps?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Required for data services, refused for the rest' })
  @IsOptional()
  @IsWholeNumber()
  @Min(1)
  @Max(MAX_KBPS)
  uploadKbps?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The usage policy a data service is metered and charged by' })
  @IsOptional()
  @IsWholeNumber()
  @Min(1)
  usagePolicyId?: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Required for voice services: the rate plan their calls are priced by',
  })
  @IsOptional()
  @IsWholeNumber()
  @Min(1)
  voiceRatePlanId?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Voice services only: minutes included each period; 0 when left out' })
  @IsOptional()
  @IsWholeNumber()
  @Min(0)
  @Max(MAX_INCLUDED_MINUTES)
  includedMinutes?: number | null;
  @ApiPropertyOptional({
    enum: INCLUDED_MINUTES_SCOPES,
    nullable: true,
    description: 'Voice services only: which calls draw on the included minutes (all, or outbound only); all when left out',
  })
  @IsOptional()
  @IsIn(INCLUDED_MINUTES_SCOPES)
  includedMinutesScope?: IncludedMinutesScope | null;
  @ApiProperty({ example: '4000', description: 'Revenue account in the general ledger' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  ledgerCode: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ type: [Number], default: [] })
  @OmittableNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsInt({ each: true })
  @IsPositive({ each: true })
  taxIds?: number[];
}

/** Fields left out stay as they are; changing the kind drops a side or speeds the new kind has no use for. */
export class UpdateServiceDto {
  @ApiPropertyOptional() @OmittableNotNull() @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @ApiPropertyOptional({ enum: SERVICE_KINDS, description: KIND_HELP }) @OmittableNotNull() @IsIn(SERVICE_KINDS) kind?: ServiceKind;
  @ApiPropertyOptional({ enum: ADJUSTMENT_SIDES, nullable: true })
  @IsOptional()
  @IsIn(ADJUSTMENT_SIDES)
  adjustmentSide?: AdjustmentSide | null;
  @ApiPropertyOptional({ description: 'Minor units (cents) per unit' }) @OmittableNotNull() @IsPrice() price?: number;
  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsWholeNumber()
  @Min(1)
  @Max(MAX_KBPS)
  downloadKbps?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsWholeNumber()
  @Min(1)
  @Max(MAX_KBPS)
  uploadKbps?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Data services only; null takes the policy off' })
  @IsOptional()
  @IsWholeNumber()
  @Min(1)
  usagePolicyId?: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Required for voice services: the rate plan their calls are priced by',
  })
  @IsOptional()
  @IsWholeNumber()
  @Min(1)
  voiceRatePlanId?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Voice services only: minutes included each period; 0 when left out' })
  @IsOptional()
  @IsWholeNumber()
  @Min(0)
  @Max(MAX_INCLUDED_MINUTES)
  includedMinutes?: number | null;
  @ApiPropertyOptional({
    enum: INCLUDED_MINUTES_SCOPES,
    nullable: true,
    description: 'Voice services only: which calls draw on the included minutes (all, or outbound only); all when left out',
  })
  @IsOptional()
  @IsIn(INCLUDED_MINUTES_SCOPES)
  includedMinutesScope?: IncludedMinutesScope | null;
  @ApiPropertyOptional() @OmittableNotNull() @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(40) ledgerCode?: string;
  @ApiPropertyOptional() @OmittableNotNull() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ type: [Number], description: 'Replaces the whole list' })
  @OmittableNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsInt({ each: true })
  @IsPositive({ each: true })
  taxIds?: number[];
}

export class ServiceFilterDto {
  @ApiPropertyOptional({ enum: SERVICE_KINDS }) @IsOptional() @IsIn(SERVICE_KINDS) kind?: ServiceKind;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ description: 'Part of the name' }) @IsOptional() @IsString() @MaxLength(120) q?: string;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const SERVICE_SORTABLE = ['id', 'name', 'kind', 'price'] as const;
export type ServiceSortField = (typeof SERVICE_SORTABLE)[number];

export class ServiceResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SERVICE_KINDS }) kind: ServiceKind;
  @ApiProperty({ enum: ADJUSTMENT_SIDES, nullable: true }) adjustmentSide: AdjustmentSide | null;
  @ApiProperty({ description: 'Minor units (cents) per unit' }) price: number;
  @ApiProperty({ nullable: true, type: Number }) downloadKbps: number | null;
  @ApiProperty({ nullable: true, type: Number }) uploadKbps: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Data services only: the usage policy they are metered by' }) usagePolicyId:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Voice services only: the rate plan their calls are priced by' })
  voiceRatePlanId: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Voice services only: minutes included each period' })
  includedMinutes: number | null;
  @ApiProperty({
    enum: INCLUDED_MINUTES_SCOPES,
    nullable: true,
    description: 'Voice services only: which calls draw on the included minutes',
  })
  includedMinutesScope: IncludedMinutesScope | null;
  @ApiProperty() ledgerCode: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [Number] }) taxIds: number[];
}
