import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { unlessNull } from '../../common/unless-null';

const notBlank = Matches(/\S/, { message: '$property must not be blank' });

export class ManufacturerDto {
  @ApiProperty({ example: 'MikroTik', maxLength: 100 }) @IsString() @notBlank @MaxLength(100) name: string;
}

export class ManufacturerResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() modelCount: number;
}

export class ModelFieldDto {
  @ApiPropertyOptional({ description: 'An existing field of the model, to keep its values; left out for a new field' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  id?: number;
  @ApiProperty({ example: 'Firmware', maxLength: 60 }) @IsString() @notBlank @MaxLength(60) name: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() required?: boolean;
}

export class CreateModelDto {
  @ApiProperty() @IsInt() @IsPositive() manufacturerId: number;
  @ApiProperty({ example: 'hAP ax²', maxLength: 100 }) @IsString() @notBlank @MaxLength(100) name: string;
  @ApiPropertyOptional({ default: 1, description: 'How many MAC addresses each item of the model has (0 to 16)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(16)
  macCount?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() serialRequired?: boolean;
  @ApiPropertyOptional({ type: [ModelFieldDto], description: 'Fields of its own every item of the model carries' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ModelFieldDto)
  fields?: ModelFieldDto[];
}

export class UpdateModelDto {
  @ApiPropertyOptional({ description: 'Another manufacturer: the model and its items move with it' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  manufacturerId?: number;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @notBlank @MaxLength(100) name?: string;
  @ApiPropertyOptional({
    description: 'How many MAC addresses each item of the model has (0 to 16); never fewer than an item of the model has already',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(16)
  macCount?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() serialRequired?: boolean;
  @ApiPropertyOptional({ type: [ModelFieldDto], description: 'The whole list: fields left out are deleted with their values' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ModelFieldDto)
  fields?: ModelFieldDto[];
}

export class ModelFieldResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() required: boolean;
}

export class ModelResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() manufacturerId: number;
  @ApiProperty() manufacturerName: string;
  @ApiProperty() name: string;
  @ApiProperty() macCount: number;
  @ApiProperty() serialRequired: boolean;
  @ApiProperty({ type: [ModelFieldResponseDto] }) fields: ModelFieldResponseDto[];
  @ApiProperty() itemCount: number;
}

export class StockLocationDto {
  @ApiProperty({ example: 'Main warehouse', maxLength: 100 }) @IsString() @notBlank @MaxLength(100) name: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 }) @unlessNull @IsString() @MaxLength(200) description?:
    string | null;
}

export class StockLocationResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() itemCount: number;
}

export class CatalogFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() manufacturerId?: number;
  @ApiPropertyOptional({ type: [Number] }) @IsOptional() @IsArray() @IsInt({ each: true }) id?: number[];
}

export const CATALOG_SORTABLE = ['id', 'name'] as const;
export type CatalogSortField = (typeof CATALOG_SORTABLE)[number];
