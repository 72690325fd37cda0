import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, Max, Min } from 'class-validator';

/** Octets as decimal strings: a month of a busy line passes 2^53. */
export class UsageOctetsDto {
  @ApiProperty({ example: '1250000000', description: 'Octets the subscriber sent' }) upload: string;
  @ApiProperty({ example: '48000000000', description: 'Octets the subscriber received' }) download: string;
  @ApiProperty({ example: '49250000000' }) total: string;
}

export class UsagePeriodDto {
  @ApiProperty({ format: 'date-time', description: 'Midnight UTC of the account’s billing day' }) start: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive: the next period’s start' }) end: string;
  @ApiProperty({ description: 'The period holding now' }) current: boolean;
  @ApiProperty({ type: UsageOctetsDto }) usage: UsageOctetsDto;
}

export class UsagePeriodsQueryDto {
  @ApiPropertyOptional({ default: 12, minimum: 1, maximum: 36, description: 'How many periods back from the current one' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36)
  periods?: number;
}

export class UsageHourDto {
  @ApiProperty({ format: 'date-time' }) hour: string;
  @ApiProperty() upload: string;
  @ApiProperty() download: string;
}

export class UsageHoursQueryDto {
  @ApiProperty({ format: 'date-time', description: 'From this instant (inclusive)' }) @Type(() => Date) @IsDate() from: Date;
  @ApiProperty({ format: 'date-time', description: 'To this instant (exclusive); at most 93 days after from' })
  @Type(() => Date)
  @IsDate()
  to: Date;
}
