import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateAccountTypeDto {
  @ApiProperty({ example: 'Residential' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(80) name: string;
  @ApiPropertyOptional({ default: '' }) @IsOptional() @IsString() @MaxLength(255) description?: string;
}
export class UpdateAccountTypeDto extends PartialType(CreateAccountTypeDto) {}

export class CreateAccountGroupDto extends CreateAccountTypeDto {}
export class UpdateAccountGroupDto extends PartialType(CreateAccountGroupDto) {}

export class CreateAccountStatusDto {
  @ApiProperty({ example: 'Active' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(80) name: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() countsAsActive?: boolean;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() isDelinquency?: boolean;
  @ApiPropertyOptional({ example: '#2e7d32', default: '#607d8b' })
  @IsOptional()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'color must be #rrggbb' })
  color?: string;
}
export class UpdateAccountStatusDto extends PartialType(CreateAccountStatusDto) {}

export class AccountLookupFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) q?: string;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
}

export const ACCOUNT_LOOKUP_SORTABLE = ['id', 'name'] as const;
export type AccountLookupSortField = (typeof ACCOUNT_LOOKUP_SORTABLE)[number];

export class AccountTypeResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
}
export class AccountGroupResponseDto extends AccountTypeResponseDto {}

export class AccountStatusResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() countsAsActive: boolean;
  @ApiProperty() isDelinquency: boolean;
  @ApiProperty({ example: '#2e7d32' }) color: string;
}
