import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsOptional, IsPositive } from 'class-validator';
import { TAX_OVERRIDE_KINDS, TaxOverrideKind } from '../account-tax-override.entity';
import { IsRateE4, OmittableNotNull, RATE_E4_HELP } from './tax-fields';

const KIND_HELP = 'rate: the account pays this tax at rateE4 instead; exempt: the account does not pay this tax';

export class CreateAccountTaxOverrideDto {
  @ApiProperty() @IsInt() @IsPositive() taxId: number;
  @ApiProperty({ enum: TAX_OVERRIDE_KINDS, description: KIND_HELP }) @IsIn(TAX_OVERRIDE_KINDS) kind: TaxOverrideKind;
  @ApiPropertyOptional({ nullable: true, type: Number, description: `Required for kind rate, refused for exempt. ${RATE_E4_HELP}` })
  @IsOptional()
  @IsRateE4()
  rateE4?: number | null;
}

/** Fields left out stay as they are; switching to exempt needs rateE4 left out or null. */
export class UpdateAccountTaxOverrideDto {
  @ApiPropertyOptional() @OmittableNotNull() @IsInt() @IsPositive() taxId?: number;
  @ApiPropertyOptional({ enum: TAX_OVERRIDE_KINDS, description: KIND_HELP })
  @OmittableNotNull()
  @IsIn(TAX_OVERRIDE_KINDS)
  kind?: TaxOverrideKind;
  @ApiPropertyOptional({ nullable: true, type: Number, description: RATE_E4_HELP }) @IsOptional() @IsRateE4() rateE4?: number | null;
}

export class AccountTaxOverrideFilterDto {
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() taxId?: number;
}

export const ACCOUNT_TAX_OVERRIDE_SORTABLE = ['id', 'taxName'] as const;
export type AccountTaxOverrideSortField = (typeof ACCOUNT_TAX_OVERRIDE_SORTABLE)[number];

export class AccountTaxOverrideResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() taxId: number;
  @ApiProperty() taxName: string;
  @ApiProperty({ description: 'The rate everyone else pays', example: 82500 }) taxRateE4: number;
  @ApiProperty({ enum: TAX_OVERRIDE_KINDS, description: KIND_HELP }) kind: TaxOverrideKind;
  @ApiProperty({ nullable: true, type: Number, description: `The account's own rate for kind rate. ${RATE_E4_HELP}` }) rateE4:
    number | null;
}

export class GeoTaxZoneDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}

/** A geographic tax with the zones of it that contain the account's service location. */
export class GeoTaxResponseDto {
  @ApiProperty() taxId: number;
  @ApiProperty() taxName: string;
  @ApiProperty() taxTypeName: string;
  @ApiProperty({ description: RATE_E4_HELP, example: 82500 }) rateE4: number;
  @ApiProperty({ description: 'An inactive tax is listed but charged nowhere' }) active: boolean;
  @ApiProperty({ type: [GeoTaxZoneDto] }) zones: GeoTaxZoneDto[];
}

export class GeoTaxFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() taxId?: number;
}

export const GEO_TAX_SORTABLE = ['taxName', 'taxId'] as const;
export type GeoTaxSortField = (typeof GEO_TAX_SORTABLE)[number];
