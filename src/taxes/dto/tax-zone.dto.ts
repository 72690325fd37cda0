import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsDefined, IsInt, IsOptional, IsPositive, IsString, MaxLength, MinLength } from 'class-validator';
import type { ZoneGeometry } from '../zone-geometry';
import { OmittableNotNull, trimmed } from './tax-fields';

const GEOMETRY_DOC = {
  type: 'object',
  description:
    'GeoJSON Polygon or MultiPolygon, positions as [longitude, latitude] in decimal degrees. Each ring is closed (ends with its first ' +
    'position) and has at least 4 positions; the first ring of a polygon is its outline and the others are holes. Kept to six decimals.',
  example: {
    type: 'Polygon',
    coordinates: [
      [
        [-89.7, 39.75],
        [-89.55, 39.75],
        [-89.55, 39.85],
        [-89.7, 39.85],
        [-89.7, 39.75],
      ],
    ],
  },
  additionalProperties: true,
} as const;

const POSITIONS = { type: 'array', items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } } as const;
const polygon = (type: 'Polygon' | 'MultiPolygon', coordinates: object) => ({
  type: 'object',
  required: ['type', 'coordinates'],
  properties: { type: { type: 'string', enum: [type] }, coordinates },
});

/** The geometry as the API answers it: always one of the two shapes, as read back by readZoneGeometry. */
const STORED_GEOMETRY_DOC = {
  description: GEOMETRY_DOC.description,
  example: GEOMETRY_DOC.example,
  oneOf: [
    polygon('Polygon', { type: 'array', items: POSITIONS }),
    polygon('MultiPolygon', { type: 'array', items: { type: 'array', items: POSITIONS } }),
  ],
};

export class CreateTaxZoneDto {
  @ApiProperty({ example: 'Springfield city limits' }) @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(120) name: string;
  @ApiProperty({ description: 'The geographic tax this zone belongs to' }) @IsInt() @IsPositive() taxId: number;
  /** Checked in full (types, closed rings, ranges) by readZoneGeometry, which names the failing position. */
  @ApiProperty(GEOMETRY_DOC) @IsDefined() geometry: unknown;
}

/** Fields left out stay as they are. */
export class UpdateTaxZoneDto {
  @ApiPropertyOptional({ example: 'Springfield city limits' })
  @OmittableNotNull()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;
  @ApiPropertyOptional() @OmittableNotNull() @IsInt() @IsPositive() taxId?: number;
  @ApiPropertyOptional(GEOMETRY_DOC) @OmittableNotNull() @IsDefined() geometry?: unknown;
}

export class TaxZoneFilterDto {
  @ApiPropertyOptional({ description: 'Part of the name' }) @IsOptional() @IsString() @MaxLength(120) q?: string;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() taxId?: number;
}

export const TAX_ZONE_SORTABLE = ['id', 'name', 'taxId'] as const;
export type TaxZoneSortField = (typeof TAX_ZONE_SORTABLE)[number];

export class TaxZoneResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() taxId: number;
  @ApiProperty() taxName: string;
  @ApiProperty(STORED_GEOMETRY_DOC) geometry: ZoneGeometry;
}
