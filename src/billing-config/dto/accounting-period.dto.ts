import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';

export const MAX_AUTO_CLOSE_AFTER_DAYS = 365;

/** May be left out, but null is refused: the column has no empty state. */
const OmittableNotNull = () => ValidateIf((_: object, value: unknown) => value !== undefined);

export class UpdateAccountingPeriodDto {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '2026-10-31',
    description:
      'Close the books up to and including this day; it only moves forward and never past today. Sending the current value changes nothing.',
  })
  @IsOptional()
  @IsCalendarDate()
  closeDate?: string | null;

  @ApiPropertyOptional({ description: 'Close each month by itself once autoCloseAfterDays have passed since it ended' })
  @OmittableNotNull()
  @IsBoolean()
  autoClose?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_AUTO_CLOSE_AFTER_DAYS })
  @OmittableNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_AUTO_CLOSE_AFTER_DAYS)
  autoCloseAfterDays?: number;
}

export class AccountingPeriodDto {
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-10-31',
    description: 'Everything dated on or before it is closed; null: never closed',
  })
  closeDate: string | null;
  @ApiProperty() autoClose: boolean;
  @ApiProperty({ minimum: 0, maximum: MAX_AUTO_CLOSE_AFTER_DAYS }) autoCloseAfterDays: number;
}
