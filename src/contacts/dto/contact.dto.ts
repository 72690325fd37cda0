import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PHONE_TYPES, PhoneType } from '../contact-phone.entity';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const emailValue = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() || null : value);

export class ContactPhoneDto {
  @ApiProperty({ enum: PHONE_TYPES }) @IsIn(PHONE_TYPES) type: PhoneType;
  @ApiProperty({ example: '(217) 555-0100', description: 'Any common formatting; without a leading + it is read as a US number' })
  @IsString()
  @MaxLength(40)
  number: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '204' })
  @IsOptional()
  @Matches(/^\d{1,10}$/, { message: 'extension must be 1 to 10 digits' })
  extension?: string | null;
}

export const PORTAL_USERNAME = /^[A-Za-z0-9._@-]+$/;

/** May be left out, but null is refused: these have no "empty" state. */
const OmittableNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

class ContactDetailsDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Owner' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(60)
  role?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(emailValue) @IsEmail() @MaxLength(254) email?:
    string | null;
  @ApiPropertyOptional({ example: 'en' })
  @OmittableNotNull()
  @IsString()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$/, { message: 'language must be a language tag such as en or pt-BR' })
  language?: string;
  @ApiPropertyOptional({ type: [ContactPhoneDto] })
  @OmittableNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ContactPhoneDto)
  phones?: ContactPhoneDto[];
  @ApiPropertyOptional({ type: [Number], description: 'Defaults to the default message categories on create' })
  @OmittableNotNull()
  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true })
  @IsPositive({ each: true })
  messageCategoryIds?: number[];
}

export class UpdateContactDto extends ContactDetailsDto {
  @ApiPropertyOptional({ example: 'Jane Rivera' })
  @OmittableNotNull()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(150)
  name?: string;
}

export class CreateContactDto extends ContactDetailsDto {
  @ApiProperty() @IsInt() @IsPositive() accountId: number;
  @ApiProperty({ example: 'Jane Rivera' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(150) name: string;
  @ApiPropertyOptional({ description: 'Comes together with portalPassword' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(80)
  @Matches(PORTAL_USERNAME, { message: 'portalUsername may hold letters, digits and . _ @ -' })
  portalUsername?: string;
  @ApiPropertyOptional({ description: 'Comes together with portalUsername; stored as argon2id, never returned' })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  portalPassword?: string;
}

export class PortalCredentialsDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(80)
  @Matches(PORTAL_USERNAME, { message: 'username may hold letters, digits and . _ @ -' })
  username: string;
  @ApiProperty() @IsString() @MinLength(8) @MaxLength(200) password: string;
}

export class ContactFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export class RemoveContactQueryDto {
  @ApiPropertyOptional({ description: 'Another contact of the account to make primary before deleting this one' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @IsPositive()
  successorId?: number;
}

/** `isPrimary` (descending) is the default, so the primary contact comes first. */
export const CONTACT_SORTABLE = ['id', 'name', 'isPrimary'] as const;
export type ContactSortField = (typeof CONTACT_SORTABLE)[number];

export class ContactPhoneResponseDto {
  @ApiProperty({ enum: PHONE_TYPES }) type: PhoneType;
  @ApiProperty({ example: '+12175550100' }) number: string;
  @ApiProperty({ nullable: true, type: String }) extension: string | null;
}

export class ContactResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) role: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty() language: string;
  @ApiProperty() isPrimary: boolean;
  @ApiProperty({ type: [ContactPhoneResponseDto] }) phones: ContactPhoneResponseDto[];
  @ApiProperty({ type: [Number] }) messageCategoryIds: number[];
  @ApiProperty({ nullable: true, type: String }) portalUsername: string | null;
  @ApiProperty() hasPortalPassword: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
