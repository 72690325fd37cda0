import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { unlessNull } from '../../common/unless-null';

export const NAS_TYPES = ['other', 'mikrotik', 'cisco', 'juniper', 'ubiquiti', 'cambium'] as const;

export class CreateNasDeviceDto {
  @ApiProperty({ example: 'Tower 3 BRAS', maxLength: 100 })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name: string;
  @ApiProperty({ example: '100.64.0.2', description: 'The address the NAS sends RADIUS from' }) @IsString() @MaxLength(50) address: string;
  @ApiProperty({ minLength: 8, maxLength: 60, description: 'The shared secret (FreeRADIUS keeps up to 60 characters); never returned' })
  @IsString()
  @MinLength(8)
  @MaxLength(60)
  @Matches(/^[\x21-\x7e]+$/, { message: 'secret must be printable ASCII without spaces' })
  secret: string;
  @ApiPropertyOptional({ enum: NAS_TYPES, default: 'other' }) @IsOptional() @IsIn(NAS_TYPES) nasType?: (typeof NAS_TYPES)[number];
  @ApiPropertyOptional({ default: 3799, description: 'Where it listens for CoA and Disconnect requests' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  coaPort?: number;
  @ApiPropertyOptional({ default: false, description: 'Limit a session by disconnecting it (the NAS cannot change a live session)' })
  @IsOptional()
  @IsBoolean()
  disconnectToLimit?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 }) @unlessNull @IsString() @MaxLength(200) description?:
    string | null;
}

export class UpdateNasDeviceDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) address?: string;
  @ApiPropertyOptional({ minLength: 8, maxLength: 60, description: 'A new shared secret; never returned' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(60)
  @Matches(/^[\x21-\x7e]+$/, { message: 'secret must be printable ASCII without spaces' })
  secret?: string;
  @ApiPropertyOptional({ enum: NAS_TYPES }) @IsOptional() @IsIn(NAS_TYPES) nasType?: (typeof NAS_TYPES)[number];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(65535) coaPort?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() disconnectToLimit?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 }) @unlessNull @IsString() @MaxLength(200) description?:
    string | null;
}

export class NasDeviceFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
}

export const NAS_SORTABLE = ['id', 'name', 'address'] as const;
export type NasSortField = (typeof NAS_SORTABLE)[number];

export class NasDeviceResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty({ enum: NAS_TYPES }) nasType: string;
  @ApiProperty() coaPort: number;
  @ApiProperty() disconnectToLimit: boolean;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
