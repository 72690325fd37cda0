import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsPositive, Matches } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date';
import { CALL_DIRECTIONS, type CallDirection } from '../rate-deck';

export class AccountCallFilterDto {
  @ApiPropertyOptional({ type: String, format: 'date', description: 'Calls that started on or after this day (in the billing time zone)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
  @ApiPropertyOptional({ type: String, format: 'date', description: 'Calls that started on or before this day (in the billing time zone)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
  @ApiPropertyOptional({ enum: CALL_DIRECTIONS }) @IsOptional() @IsIn(CALL_DIRECTIONS) direction?: CallDirection;
  @ApiPropertyOptional({ description: "Calls of this number of the account's" }) @IsOptional() @IsInt() @IsPositive() didId?: number;
  @ApiPropertyOptional({ description: 'Calls of this voice service' }) @IsOptional() @IsInt() @IsPositive() accountServiceId?: number;
  @ApiPropertyOptional({ description: 'Digits the caller or the called number contains' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s+().\-/]/g, '') : value))
  @Matches(/^\d{1,15}$/, { message: 'q must be up to 15 digits' })
  q?: string;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const CALL_SORTABLE = ['startedAt', 'durationSeconds', 'billedSeconds', 'fromNumber', 'toNumber', 'direction', 'id'] as const;
export type CallSortField = (typeof CALL_SORTABLE)[number];

export class VoiceCallResponseDto {
  @ApiProperty() id: number;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: string;
  @ApiProperty({ enum: CALL_DIRECTIONS }) direction: CallDirection;
  @ApiProperty({ description: 'The caller: E.164 digits, or as written when withheld or an extension' }) fromNumber: string;
  @ApiProperty({ description: 'The called number, E.164 digits' }) toNumber: string;
  @ApiProperty({ description: "The account's number the call was matched by" }) didId: number;
  @ApiProperty({ description: 'That number, E.164 digits' }) didNumber: string;
  @ApiProperty() accountServiceId: number;
  @ApiProperty({ description: 'Talk time the switch reported' }) durationSeconds: number;
  @ApiProperty({ description: "After the rate's minimum and increments" }) billedSeconds: number;
  @ApiProperty({ description: 'The deck row that priced it' }) ratePrefix: string;
  @ApiProperty({ description: 'Micro-units a minute' }) rateMicro: number;
  @ApiProperty({ description: 'The rate as a decimal a minute' }) rate: string;
  @ApiProperty({ nullable: true, type: String }) disposition: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Once settled on an invoice' }) settlementId: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Seconds the included minutes paid for, once settled' }) includedSeconds:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Seconds charged, once settled' }) chargedSeconds: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Exact charge in micro-unit-seconds, once settled' }) chargeMicroSeconds:
    string | null;
  @ApiProperty() fileId: number;
  @ApiProperty() lineNo: number;
}

export class DirectionTotalsDto {
  @ApiProperty() calls: number;
  @ApiProperty() durationSeconds: number;
  @ApiProperty() billedSeconds: number;
}

export class VoiceCallTotalsDto {
  @ApiProperty() calls: number;
  @ApiProperty() durationSeconds: number;
  @ApiProperty() billedSeconds: number;
  @ApiProperty({ description: 'Billed time in minutes, to two decimals' }) billedMinutes: string;
  @ApiProperty({
    description:
      'What the calls cost at their rates before included minutes are spent, in cents (minor units), rounded once: an estimate; the invoice says what is owed',
  })
  estimatedChargeBeforeIncluded: number;
  @ApiProperty({ type: DirectionTotalsDto }) inbound: DirectionTotalsDto;
  @ApiProperty({ type: DirectionTotalsDto }) outbound: DirectionTotalsDto;
}
