import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** One custom field's value; which kind depends on the field's type. */
const CUSTOM_FIELD_VALUE = { oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }] };

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

// Decimal strings only: a float would round the stored DECIMAL(9,6) on its way through.
const LATITUDE = /^-?(90(\.0{1,6})?|[1-8]?\d(\.\d{1,6})?)$/;
const LONGITUDE = /^-?(180(\.0{1,6})?|(1[0-7]\d|[1-9]?\d)(\.\d{1,6})?)$/;

export class AddressDto {
  @ApiProperty({ example: '12 Oak St' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(200) line1: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(200) line2?: string | null;
  @ApiProperty({ example: 'Springfield' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(100) city: string;
  @ApiProperty({ example: 'IL' }) @Transform(trimmed) @IsString() @MaxLength(100) region: string;
  @ApiProperty({ example: '62701' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(20) postcode: string;
  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2, upper case' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code in capitals, such as US' })
  country: string;
}

export class ServiceAddressDto extends AddressDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: '39.781721' })
  @IsOptional()
  @Matches(LATITUDE, { message: 'latitude must be a decimal string between -90 and 90 with at most 6 places' })
  latitude?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '-89.650148' })
  @IsOptional()
  @Matches(LONGITUDE, { message: 'longitude must be a decimal string between -180 and 180 with at most 6 places' })
  longitude?: string | null;
}

export class CreateAccountDto {
  @ApiProperty({ example: 'Jane Rivera' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiProperty() @IsInt() @IsPositive() accountTypeId: number;
  @ApiProperty() @IsInt() @IsPositive() accountStatusId: number;
  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true })
  @IsPositive({ each: true })
  groupIds?: number[];
  @ApiPropertyOptional({ nullable: true, type: Number }) @IsOptional() @IsInt() @IsPositive() parentAccountId?: number | null;
  @ApiProperty({ type: ServiceAddressDto }) @ValidateNested() @Type(() => ServiceAddressDto) serviceAddress: ServiceAddressDto;
  @ApiPropertyOptional({ type: AddressDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  mailingAddress?: AddressDto | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: CUSTOM_FIELD_VALUE, description: 'Values keyed by custom field id' })
  @IsOptional()
  @IsObject()
  customFields?: Record<string, unknown>;
}

export class UpdateAccountDto extends PartialType(CreateAccountDto) {}

export class AccountFilterDto {
  @ApiPropertyOptional({ description: 'The global search' }) @IsOptional() @IsString() @MaxLength(120) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountStatusId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountTypeId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() groupId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() parentAccountId?: number;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
  @ApiPropertyOptional({ description: 'Only accounts whose status is a delinquency status (true), or only the others (false)' })
  @IsOptional()
  @IsBoolean()
  delinquent?: boolean;
}

export const ACCOUNT_SORTABLE = ['id', 'name', 'createdAt'] as const;
export type AccountSortField = (typeof ACCOUNT_SORTABLE)[number];

export class AddressResponseDto {
  @ApiProperty() line1: string;
  @ApiProperty({ nullable: true, type: String }) line2: string | null;
  @ApiProperty() city: string;
  @ApiProperty() region: string;
  @ApiProperty() postcode: string;
  @ApiProperty() country: string;
}

export class ServiceAddressResponseDto extends AddressResponseDto {
  @ApiProperty({ nullable: true, type: String }) latitude: string | null;
  @ApiProperty({ nullable: true, type: String }) longitude: string | null;
}

export class AccountResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() accountTypeId: number;
  @ApiProperty() accountStatusId: number;
  @ApiProperty({ type: [Number] }) groupIds: number[];
  @ApiProperty({ nullable: true, type: Number }) parentAccountId: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) activatedAt: Date | null;
  @ApiProperty({ type: ServiceAddressResponseDto }) serviceAddress: ServiceAddressResponseDto;
  @ApiProperty({ type: AddressResponseDto, nullable: true }) mailingAddress: AddressResponseDto | null;
  @ApiProperty({ type: 'object', additionalProperties: CUSTOM_FIELD_VALUE, description: 'Values keyed by custom field id' })
  customFields: Record<string, string | number | boolean | null>;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class SearchQueryDto {
  @ApiProperty({ example: 'rivera' }) @IsString() @MinLength(1) @MaxLength(120) q: string;
}

export class SearchHitStatusDto {
  @ApiProperty() name: string;
  @ApiProperty() color: string;
}

export class SearchHitDto {
  @ApiProperty() accountId: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['id', 'invoice', 'customField', 'name', 'contact', 'email', 'phone', 'address'] }) matched: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'INV-0000006',
    description: 'The invoice number, or the custom field and its value, that matched; null for matches on the account itself',
  })
  matchedText: string | null;
  @ApiProperty({ type: SearchHitStatusDto }) status: SearchHitStatusDto;
}
