import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateDelinquencyExclusionDateDto {
  @ApiProperty({ example: '2026-12-25' }) @IsCalendarDate() date: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Christmas Day' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  reason?: string | null;
  @ApiPropertyOptional({ default: false, description: 'The same month and day every year' })
  @IsOptional()
  @IsBoolean()
  repeatsYearly?: boolean;
}

export class UpdateDelinquencyExclusionDateDto {
  @ApiPropertyOptional({ example: '2026-12-26' })
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsCalendarDate()
  date?: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  reason?: string | null;
  @ApiPropertyOptional({ description: 'The same month and day every year' }) @IsOptional() @IsBoolean() repeatsYearly?: boolean;
}

export class DelinquencyExclusionDateFilterDto {
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
  @ApiPropertyOptional({ example: '2026-01-01', description: 'On or after this day' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'On or before this day' }) @IsOptional() @IsCalendarDate() to?: string;
}

export const EXCLUSION_DATE_SORTABLE = ['id', 'date'] as const;
export type ExclusionDateSortField = (typeof EXCLUSION_DATE_SORTABLE)[number];

export class DelinquencyExclusionDateDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: '2026-12-25' }) date: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ description: 'The same month and day every year' }) repeatsYearly: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
