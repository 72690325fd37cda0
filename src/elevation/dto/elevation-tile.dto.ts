import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';

/** A terrain model (ground height above sea level) or a clutter model (trees and buildings above the ground). */
export const TILE_KINDS = ['dem', 'clutter'] as const;
export type TileKind = (typeof TILE_KINDS)[number];

export class UploadElevationTileDto {
  @ApiProperty({
    enum: TILE_KINDS,
    description: 'dem: ground heights above sea level; clutter: heights of trees and buildings above the ground',
  })
  kind: TileKind;
  @ApiProperty({ type: 'string', format: 'binary', description: 'A single-band GeoTIFF on a latitude/longitude grid (EPSG:4326)' })
  file: unknown;
}

export class ElevationTileFilterDto {
  @ApiPropertyOptional({ description: 'Words in the file name' }) @IsOptional() @IsString() @MaxLength(200) q?: string;

  @ApiPropertyOptional({ enum: TILE_KINDS }) @IsOptional() @IsIn(TILE_KINDS) kind?: TileKind;

  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const ELEVATION_TILE_SORTABLE = ['createdAt', 'name', 'id', 'kind'] as const;
export type ElevationTileSortField = (typeof ELEVATION_TILE_SORTABLE)[number];

export class ElevationTileResponseDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: TILE_KINDS }) kind: TileKind;
  @ApiProperty({ example: 'N39W090.tif', description: 'The uploaded file’s name' }) name: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the file, hex' }) sha256: string;
  @ApiProperty({ description: 'West edge, degrees east' }) westLon: number;
  @ApiProperty({ description: 'East edge, degrees east' }) eastLon: number;
  @ApiProperty({ description: 'South edge, degrees north' }) southLat: number;
  @ApiProperty({ description: 'North edge, degrees north' }) northLat: number;
  @ApiProperty({ description: 'Cell width, degrees of longitude' }) pixelWidthDeg: number;
  @ApiProperty({ description: 'Cell height, degrees of latitude' }) pixelHeightDeg: number;
  @ApiProperty({ description: 'Cells across' }) width: number;
  @ApiProperty({ description: 'Cells down' }) height: number;
  @ApiProperty({ description: 'Cell height in metres (north to south), the finest spacing a profile can sample it at', example: 30.9 })
  resolutionM: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '-32768',
    description: 'The value that marks a cell without data, as the file gives it ("nan" for NaN)',
  })
  noData: string | null;
  @ApiProperty({ example: 'int16', description: 'How the file stores a height' }) sampleType: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null for a tile the demo data made' }) uploadedByUserId: number | null;
  @ApiProperty({ nullable: true, type: String }) uploadedByName: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}
