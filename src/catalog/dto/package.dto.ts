import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsPrice, IsWholeNumber, MAX_PACKAGE_QUANTITY, OmittableNotNull, trimmed } from './catalog-fields';
import { ServiceResponseDto } from './service.dto';

export class PackageItemDto {
  @ApiProperty({ description: 'A recurring, data or voice service' }) @IsInt() @IsPositive() serviceId: number;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsWholeNumber() @Min(1) @Max(MAX_PACKAGE_QUANTITY) quantity?: number;
  @ApiPropertyOptional({ description: "Minor units per unit inside the package; the service's own price when left out" })
  @IsOptional()
  @IsPrice()
  price?: number;
}

const PackageItems = () =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(1, { message: 'items must hold at least one service' }),
    ArrayMaxSize(100),
    ValidateNested({ each: true }),
    Type(() => PackageItemDto),
  );

export class CreatePackageDto {
  @ApiProperty({ example: 'Home bundle' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(120) name: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
  @ApiProperty({ type: [PackageItemDto] }) @PackageItems() items: PackageItemDto[];
}

/** Fields left out stay as they are; items, when given, replace the whole list. */
export class UpdatePackageDto {
  @ApiPropertyOptional() @OmittableNotNull() @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(120) name?: string;
  @ApiPropertyOptional() @OmittableNotNull() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ type: [PackageItemDto] }) @OmittableNotNull() @PackageItems() items?: PackageItemDto[];
}

export class PackageFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ description: 'Part of the name' }) @IsOptional() @IsString() @MaxLength(120) q?: string;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const PACKAGE_SORTABLE = ['id', 'name'] as const;
export type PackageSortField = (typeof PACKAGE_SORTABLE)[number];

export class PackageItemResponseDto {
  @ApiProperty() serviceId: number;
  @ApiProperty() quantity: number;
  @ApiProperty({ description: 'Minor units per unit inside the package' }) price: number;
  @ApiProperty({ type: ServiceResponseDto }) service: ServiceResponseDto;
}

export class PackageResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Price of one package per period: the sum of price × quantity, minor units' }) total: number;
  @ApiProperty({ type: [PackageItemResponseDto] }) items: PackageItemResponseDto[];
}
