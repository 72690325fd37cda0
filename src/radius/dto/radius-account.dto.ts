import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Letters, digits and the punctuation NAS and CPE accept in a PPPoE or hotspot login. */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/;
/** Printable ASCII: some NAS cannot send anything else, and a password that cannot be typed on a CPE helps nobody. */
export const PASSWORD_PATTERN = /^[\x21-\x7e]+$/;

export class CreateRadiusAccountDto {
  @ApiProperty({ example: 'jsmith', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(USERNAME_PATTERN, { message: 'username may hold letters, digits and . _ @ + - and must start with a letter or digit' })
  username: string;

  @ApiProperty({ example: 'correct-horse-42', minLength: 8, maxLength: 128, description: 'Written to the RADIUS server; never returned' })
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  @Matches(PASSWORD_PATTERN, { message: 'password must be printable ASCII without spaces' })
  password: string;
}

export class UpdateRadiusAccountDto {
  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(USERNAME_PATTERN, { message: 'username may hold letters, digits and . _ @ + - and must start with a letter or digit' })
  username?: string;

  @ApiPropertyOptional({ minLength: 8, maxLength: 128, description: 'A new password; never returned' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  @Matches(PASSWORD_PATTERN, { message: 'password must be printable ASCII without spaces' })
  password?: string;
}

export class RadiusAccountFilterDto {
  @ApiPropertyOptional({ description: 'Part of the username' }) @IsOptional() @IsString() @MaxLength(64) q?: string;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
}

export const RADIUS_ACCOUNT_SORTABLE = ['id', 'username', 'createdAt', 'updatedAt'] as const;
export type RadiusAccountSortField = (typeof RADIUS_ACCOUNT_SORTABLE)[number];

export class RadiusAccountResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() username: string;
  @ApiProperty({ type: [String], description: 'Addresses and routed subnets assigned to it now' }) ipAddresses: string[];
  @ApiProperty({ nullable: true, type: String, example: '100M/20M', description: "Download/upload of the account's data service" })
  speed: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
