import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateTicketHolidayDto {
  @ApiProperty({ example: '2026-12-25' }) @IsCalendarDate() date: string;
  @ApiProperty({ example: 'Christmas Day', maxLength: 100 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;
}

export class UpdateTicketHolidayDto {
  @ApiPropertyOptional({ example: '2026-12-26' })
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsCalendarDate()
  date?: string;
  @ApiPropertyOptional({ maxLength: 100 })
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;
}

export class TicketHolidayFilterDto {
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
  @ApiPropertyOptional({ example: '2026-01-01', description: 'On or after this day' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'On or before this day' }) @IsOptional() @IsCalendarDate() to?: string;
}

export const TICKET_HOLIDAY_SORTABLE = ['id', 'date', 'name'] as const;
export type TicketHolidaySortField = (typeof TICKET_HOLIDAY_SORTABLE)[number];

export class TicketHolidayDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: '2026-12-25' }) date: string;
  @ApiProperty({ example: 'Christmas Day' }) name: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
