import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { OmittableNotNull, trimmed } from './tax-fields';

export class CreateTaxTypeDto {
  @ApiProperty({ example: 'Sales tax' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(80) name: string;
}

/** A left-out name stays as it is; null is refused, a type always has a name. */
export class UpdateTaxTypeDto {
  @ApiPropertyOptional({ example: 'Sales tax' })
  @OmittableNotNull()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name?: string;
}

export class TaxTypeFilterDto {
  @ApiPropertyOptional({ description: 'Part of the name' }) @IsOptional() @IsString() @MaxLength(80) q?: string;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const TAX_TYPE_SORTABLE = ['id', 'name'] as const;
export type TaxTypeSortField = (typeof TAX_TYPE_SORTABLE)[number];

export class TaxTypeResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
}
