import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { CUSTOM_FIELD_TYPES, CustomFieldType } from '../custom-field.entity';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** May be left out, but null is refused. */
const OmittableNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

class CustomFieldSettingsDto {
  @ApiPropertyOptional() @OmittableNotNull() @IsBoolean() required?: boolean;
  @ApiPropertyOptional() @OmittableNotNull() @IsBoolean() unique?: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Text fields only; the whole value must match',
    example: 'FIBER-\\d{4}',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  pattern?: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Text fields with a pattern only; a value that matches it, shown to clerks as help',
    example: 'FIBER-0042',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  example?: string | null;
  @ApiPropertyOptional({ nullable: true, type: [String], description: 'Select fields only' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(255, { each: true })
  options?: string[] | null;
  @ApiPropertyOptional() @OmittableNotNull() @IsInt() @Min(0) @Max(65535) position?: number;
  @ApiPropertyOptional() @OmittableNotNull() @IsBoolean() active?: boolean;
}

export class UpdateCustomFieldDto extends CustomFieldSettingsDto {
  @ApiPropertyOptional({ example: 'Circuit id' })
  @OmittableNotNull()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name?: string;
  @ApiPropertyOptional({ enum: CUSTOM_FIELD_TYPES }) @OmittableNotNull() @IsIn(CUSTOM_FIELD_TYPES) type?: CustomFieldType;
}

export class CreateCustomFieldDto extends CustomFieldSettingsDto {
  @ApiProperty({ example: 'Circuit id' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(80) name: string;
  @ApiProperty({ enum: CUSTOM_FIELD_TYPES }) @IsIn(CUSTOM_FIELD_TYPES) type: CustomFieldType;
}

export class CustomFieldFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(80) q?: string;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export const CUSTOM_FIELD_SORTABLE = ['id', 'name', 'position'] as const;
export type CustomFieldSortField = (typeof CUSTOM_FIELD_SORTABLE)[number];

export class CustomFieldResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CUSTOM_FIELD_TYPES }) type: CustomFieldType;
  @ApiProperty() required: boolean;
  @ApiProperty() unique: boolean;
  @ApiProperty({ nullable: true, type: String }) pattern: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'A value matching the pattern, for help text' }) example: string | null;
  @ApiProperty({ nullable: true, type: [String] }) options: string[] | null;
  @ApiProperty() position: number;
  @ApiProperty() active: boolean;
}
