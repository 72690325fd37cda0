import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsPositive, IsString, MaxLength, MinLength } from 'class-validator';
import { IsRateE4, OmittableNotNull, RATE_E4_HELP, trimmed } from './tax-fields';

export class CreateTaxDto {
  @ApiProperty({ example: 'Illinois sales tax' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiProperty({ description: 'A tax type id' }) @IsInt() @IsPositive() taxTypeId: number;
  @ApiProperty({ description: RATE_E4_HELP, example: 82500, minimum: 0, maximum: 1_000_000 }) @IsRateE4() rateE4: number;
  @ApiPropertyOptional({ default: true, description: 'An inactive tax is charged nowhere, whatever carries it' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** Fields left out stay as they are. */
export class UpdateTaxDto {
  @ApiPropertyOptional({ example: 'Illinois sales tax' })
  @OmittableNotNull()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;
  @ApiPropertyOptional() @OmittableNotNull() @IsInt() @IsPositive() taxTypeId?: number;
  @ApiPropertyOptional({ description: RATE_E4_HELP, example: 82500, minimum: 0, maximum: 1_000_000 })
  @OmittableNotNull()
  @IsRateE4()
  rateE4?: number;
  @ApiPropertyOptional() @OmittableNotNull() @IsBoolean() active?: boolean;
}

export class TaxFilterDto {
  @ApiPropertyOptional({ description: 'Part of the name' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() taxTypeId?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ description: 'true: only taxes with zones; false: only taxes charged everywhere' })
  @IsOptional()
  @IsBoolean()
  geographic?: boolean;
}

export const TAX_SORTABLE = ['id', 'name', 'rateE4', 'taxTypeId'] as const;
export type TaxSortField = (typeof TAX_SORTABLE)[number];

export class TaxResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() taxTypeId: number;
  @ApiProperty() taxTypeName: string;
  @ApiProperty({ description: RATE_E4_HELP, example: 82500 }) rateE4: number;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Has zones, so it applies only to accounts whose service location is inside one' }) geographic: boolean;
  @ApiProperty() zoneCount: number;
}
