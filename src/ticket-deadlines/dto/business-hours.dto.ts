import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Matches, ValidateNested } from 'class-validator';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const BUSINESS_HOURS_MAX_INTERVALS = 70;

export class BusinessHoursIntervalDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 is Monday, 7 is Sunday', example: 1 })
  @IsInt()
  @IsIn([1, 2, 3, 4, 5, 6, 7], { message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  weekday: number;

  @ApiProperty({ example: '09:00', description: 'Local time of the instance time zone, HH:MM' })
  @Matches(CLOCK, { message: 'opens must be a time of day as HH:MM' })
  opens: string;

  @ApiProperty({
    example: '17:00',
    description: 'Local time, HH:MM, after opens; 24:00 is the end of the day (an interval never crosses midnight)',
  })
  @Matches(CLOCK, { message: 'closes must be a time of day as HH:MM, or 24:00' })
  closes: string;
}

export class UpdateBusinessHoursDto {
  @ApiProperty({ type: [BusinessHoursIntervalDto], description: 'The whole week; an empty list means the clock runs all day, every day' })
  @IsArray()
  @ArrayMaxSize(BUSINESS_HOURS_MAX_INTERVALS)
  @ValidateNested({ each: true })
  @Type(() => BusinessHoursIntervalDto)
  hours: BusinessHoursIntervalDto[];
}

export class BusinessHoursDto {
  @ApiProperty({ example: 'week', description: 'The one set of hours of the instance' }) id: string;
  @ApiProperty({ example: 'Europe/London', description: 'The instance time zone the hours are read in' }) timeZone: string;
  @ApiProperty({ description: 'No hours: targets run all day, every day, except on holidays' }) roundTheClock: boolean;
  @ApiProperty({ type: [BusinessHoursIntervalDto] }) hours: BusinessHoursIntervalDto[];
  @ApiProperty({ nullable: true, type: Date }) updatedAt: Date | null;
}
