import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { CALL_DIRECTIONS, type CallDirection } from '../rate-deck';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateRatePlanDto {
  @ApiProperty({ example: 'Residential 2026' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(80) name: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Carrier deck of March 2026' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(255)
  description?: string | null;
}

/** What is left out stays as it is. */
export class UpdateRatePlanDto {
  @ApiPropertyOptional()
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name?: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(255)
  description?: string | null;
}

export class RatePlanFilterDto {
  @ApiPropertyOptional({ description: 'Part of the name' }) @IsOptional() @IsString() @MaxLength(80) q?: string;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const RATE_PLAN_SORTABLE = ['id', 'name', 'updatedAt'] as const;
export type RatePlanSortField = (typeof RATE_PLAN_SORTABLE)[number];

export class RatePlanResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ description: 'Rows in the deck, both directions' }) rates: number;
  @ApiProperty({ description: 'Catalogue voice services priced by the plan' }) services: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Last change, a new deck included' }) updatedAt: string;
}

export class UploadRateDeckDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      'CSV with a header naming prefix, description, direction, rate, minimum, increment and optionally effective_from (docs/voice.md)',
  })
  file: unknown;
}

export class RateDeckImportResponseDto {
  @ApiProperty() ratePlanId: number;
  @ApiProperty({ description: 'Rows the deck now has; the ones it had before are gone' }) rates: number;
  @ApiProperty() inbound: number;
  @ApiProperty() outbound: number;
  @ApiProperty({ description: 'Rows the replaced deck had' }) replaced: number;
}

export class RateFilterDto {
  @ApiPropertyOptional({ description: 'Rows whose prefix starts with these digits' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/^\+/, '') : value))
  @Matches(/^\d{1,15}$/, { message: 'prefix must be 1 to 15 digits' })
  prefix?: string;
  @ApiPropertyOptional({ enum: CALL_DIRECTIONS }) @IsOptional() @IsIn(CALL_DIRECTIONS) direction?: CallDirection;
  @ApiPropertyOptional({ description: 'Part of the description' }) @IsOptional() @IsString() @MaxLength(120) q?: string;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const RATE_SORTABLE = ['prefix', 'direction', 'rateMicro', 'effectiveFrom', 'description', 'id'] as const;
export type RateSortField = (typeof RATE_SORTABLE)[number];

export class RateResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() ratePlanId: number;
  @ApiProperty({ enum: CALL_DIRECTIONS }) direction: CallDirection;
  @ApiProperty({ description: 'Leading digits of the number, country code first, without +' }) prefix: string;
  @ApiProperty() description: string;
  @ApiProperty({ description: 'Micro-units (millionths of the currency unit) a minute' }) rateMicro: number;
  @ApiProperty({ description: 'The same rate as a decimal of the currency unit a minute, e.g. 0.0045' }) rate: string;
  @ApiProperty() minimumSeconds: number;
  @ApiProperty() incrementSeconds: number;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The day the row takes effect; null: always' })
  effectiveFrom: string | null;
}
