import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsPositive, Max, Min } from 'class-validator';
import { MAX_ANTENNA_HEIGHT_M, MAX_FREQUENCY_MHZ, NetworkSiteResponseDto } from './network-site.dto';

/** A subscriber's dish is usually on the roof or a short pole: 5 m unless the installer says otherwise. */
export const DEFAULT_SUBSCRIBER_ANTENNA_M = 5;

export class ElevationProfileQueryDto {
  @ApiProperty({ description: 'The network site at the far end of the path' })
  @Type(() => Number)
  @IsInt()
  @IsPositive()
  siteId: number;

  @ApiPropertyOptional({ description: "One of the site's antenna heights, metres; the first listed when left out", example: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_ANTENNA_HEIGHT_M)
  siteAntennaM?: number;

  @ApiPropertyOptional({ description: "One of the site's bands, MHz; the first listed when left out", example: 5800 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(MAX_FREQUENCY_MHZ)
  frequencyMhz?: number;

  @ApiPropertyOptional({
    default: DEFAULT_SUBSCRIBER_ANTENNA_M,
    description: "Height of the subscriber's antenna above the ground, metres",
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  subscriberAntennaM?: number;

  @ApiPropertyOptional({
    description: "Surveyed ground height at the service address, metres above sea level; without it the terrain tiles' height",
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(-500)
  @Max(9000)
  subscriberGroundM?: number;

  @ApiPropertyOptional({
    default: 4 / 3,
    description: 'Effective earth-radius factor: 4/3 in a standard atmosphere; 2/3 plans for bad days',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0.1)
  @Max(10)
  kFactor?: number;
}

export const PROFILE_VERDICTS = ['clear', 'fresnel-intruded', 'blocked', 'incomplete'] as const;
export const SAMPLE_INTRUSIONS = ['clear', 'fresnel', 'blocked', 'unknown'] as const;

export class ProfileSampleDto {
  @ApiProperty({ description: 'From the service address, metres' }) distanceM: number;
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Terrain height; null where the tiles have no data' }) groundM: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Trees or buildings above the ground; null without clutter data there' })
  clutterM: number | null;
  @ApiProperty({ description: "The earth's rise above the chord between the ends" }) earthBulgeM: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Ground plus clutter plus bulge' }) obstacleTopM: number | null;
  @ApiProperty({ description: 'Height of the line of sight' }) losM: number;
  @ApiProperty({ description: 'Radius of the first Fresnel zone' }) fresnelRadiusM: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Line of sight minus obstacle top' }) clearanceM: number | null;
  @ApiProperty({ enum: SAMPLE_INTRUSIONS }) intrudes: (typeof SAMPLE_INTRUSIONS)[number];
}

export class ProfileEndDto {
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
  @ApiProperty({ description: 'Ground height above sea level, metres' }) groundM: number;
  @ApiProperty({ enum: ['surveyed', 'terrain'], description: 'surveyed: given; terrain: read from the tiles' }) groundSource:
    'surveyed' | 'terrain';
  @ApiProperty({ description: 'Antenna height above the ground, metres' }) antennaM: number;
}

export class WorstClearanceDto {
  @ApiProperty() distanceM: number;
  @ApiProperty() clearanceM: number;
  @ApiProperty() fresnelRadiusM: number;
}

export class ProfileTileDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['dem', 'clutter'] }) kind: 'dem' | 'clutter';
  @ApiProperty() name: string;
}

export class ElevationProfileResponseDto {
  @ApiProperty() accountId: number;
  @ApiProperty() siteId: number;
  @ApiProperty() siteName: string;
  @ApiProperty({ type: ProfileEndDto, description: 'The service address: distance 0' }) subscriber: ProfileEndDto;
  @ApiProperty({ type: ProfileEndDto, description: 'The network site: the far end' }) site: ProfileEndDto;
  @ApiProperty() frequencyMhz: number;
  @ApiProperty() kFactor: number;
  @ApiProperty({ description: 'Length of the path, metres' }) distanceM: number;
  @ApiProperty({ description: 'Bearing from the address towards the site, degrees clockwise from north' }) bearingDeg: number;
  @ApiProperty({ description: "The terrain's resolution along the path" }) sampleSpacingM: number;
  @ApiProperty({ enum: PROFILE_VERDICTS }) verdict: (typeof PROFILE_VERDICTS)[number];
  @ApiProperty({ nullable: true, type: Number, description: 'Distance of the first point that cuts the line of sight' })
  firstBlockedAtM: number | null;
  @ApiProperty({ nullable: true, type: Number }) firstFresnelIntrusionAtM: number | null;
  @ApiProperty({ nullable: true, type: WorstClearanceDto }) worstClearance: WorstClearanceDto | null;
  @ApiProperty({ description: 'Points without terrain data, judged unknown' }) unknownSamples: number;
  @ApiProperty({ description: 'Points where the clutter tiles had no data, judged on the bare ground' }) clutterUnknownSamples: number;
  @ApiProperty({ description: 'Whether clutter tiles covered the path' }) hasClutter: boolean;
  @ApiProperty({ type: [ProfileTileDto], description: 'The tiles the profile was read from' }) tiles: ProfileTileDto[];
  @ApiProperty({ type: [ProfileSampleDto] }) samples: ProfileSampleDto[];
  @ApiProperty({ description: 'Served from the cache rather than computed for this request' }) cached: boolean;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the profile was computed' }) computedAt: string;
}

export class SiteFromAddressDto extends NetworkSiteResponseDto {
  @ApiProperty({ description: 'Great-circle distance from the service address, metres' }) distanceM: number;
  @ApiProperty({ description: 'Bearing from the address towards the site, degrees clockwise from north' }) bearingDeg: number;
}

export class AccountNetworkSitesResponseDto {
  @ApiProperty({ description: 'The service address, degrees north' }) latitude: number;
  @ApiProperty({ description: 'The service address, degrees east' }) longitude: number;
  @ApiProperty({ type: [SiteFromAddressDto], description: 'Every network site, nearest first' }) sites: SiteFromAddressDto[];
}
