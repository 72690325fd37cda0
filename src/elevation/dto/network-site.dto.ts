import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { unlessNull } from '../../common/unless-null';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Tallest mast we take: above this a height is more likely feet, or a typo, than a tower. */
export const MAX_ANTENNA_HEIGHT_M = 500;
/** 100 GHz: above every band fixed wireless uses today. */
export const MAX_FREQUENCY_MHZ = 100_000;
export const MAX_ANTENNAS = 10;
export const MAX_BANDS = 10;

export class CreateNetworkSiteDto {
  @ApiProperty({ example: 'North water tower', maxLength: 100 })
  @Transform(trimmed)
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 39.8012, minimum: -90, maximum: 90, description: 'Degrees north, up to six decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 })
  @Min(-90)
  @Max(90)
  latitude: number;

  @ApiProperty({ example: -89.6401, minimum: -180, maximum: 180, description: 'Degrees east, up to six decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 })
  @Min(-180)
  @Max(180)
  longitude: number;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: -500,
    maximum: 9000,
    example: 184.5,
    description: 'Surveyed ground height above sea level, metres; without it the terrain tiles give it',
  })
  @unlessNull
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(-500)
  @Max(9000)
  groundElevationM?: number | null;

  @ApiProperty({
    type: [Number],
    example: [30, 45],
    description: `Heights of the site's antennas above the ground, metres (1 to ${MAX_ANTENNAS}, each 0 to ${MAX_ANTENNA_HEIGHT_M})`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ANTENNAS)
  @ArrayUnique()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { each: true })
  @Min(0, { each: true })
  @Max(MAX_ANTENNA_HEIGHT_M, { each: true })
  antennaHeightsM: number[];

  @ApiProperty({
    type: [Number],
    example: [5800, 3650],
    description: `The bands the site transmits on, MHz (1 to ${MAX_BANDS}; 5800 for 5.8 GHz)`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BANDS)
  @ArrayUnique()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 }, { each: true })
  @Min(1, { each: true })
  @Max(MAX_FREQUENCY_MHZ, { each: true })
  frequenciesMhz: number[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 255 })
  @unlessNull
  @IsString()
  @MaxLength(255)
  description?: string | null;
}

export class UpdateNetworkSiteDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ minimum: -90, maximum: 90 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 })
  @Min(-90)
  @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 6 })
  @Min(-180)
  @Max(180)
  longitude?: number;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: -500, maximum: 9000, description: 'null goes back to the terrain tiles' })
  @unlessNull
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(-500)
  @Max(9000)
  groundElevationM?: number | null;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ANTENNAS)
  @ArrayUnique()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { each: true })
  @Min(0, { each: true })
  @Max(MAX_ANTENNA_HEIGHT_M, { each: true })
  antennaHeightsM?: number[];

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BANDS)
  @ArrayUnique()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 }, { each: true })
  @Min(1, { each: true })
  @Max(MAX_FREQUENCY_MHZ, { each: true })
  frequenciesMhz?: number[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 255 })
  @unlessNull
  @IsString()
  @MaxLength(255)
  description?: string | null;
}

export class NetworkSiteFilterDto {
  @ApiPropertyOptional({ description: 'Words in the name or description' }) @IsOptional() @IsString() @MaxLength(200) q?: string;

  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const NETWORK_SITE_SORTABLE = ['name', 'id', 'latitude', 'longitude', 'updatedAt'] as const;
export type NetworkSiteSortField = (typeof NETWORK_SITE_SORTABLE)[number];

export class NetworkSiteResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ example: 39.8012 }) latitude: number;
  @ApiProperty({ example: -89.6401 }) longitude: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Surveyed; null when the terrain tiles give it' })
  groundElevationM: number | null;
  @ApiProperty({ type: [Number], example: [30, 45] }) antennaHeightsM: number[];
  @ApiProperty({ type: [Number], example: [5800, 3650] }) frequenciesMhz: number[];
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ description: 'Counts the changes to the site; a cached profile belongs to one revision' }) revision: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
