import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsPositive, Max, Min } from 'class-validator';
import { IsMinorUnits } from '../../billing/dto/money';
import { SCHEDULED_EVENT_KINDS, SCHEDULED_EVENT_STATES } from '../scheduled-event-kinds';
import type { ScheduledEventKind, ScheduledEventState } from '../scheduled-event-kinds';
import { IsInstant } from '../../common/calendar-date';

/** The fields of each kind; which ones a kind takes is checked by the service, naming the field. */
class ScheduledEventFieldsDto {
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'add_service: the catalogue service' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  serviceId?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'add_package: the catalogue package' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  packageId?: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'remove_*, set_price_override, clear_price_override: the service line on the account',
  })
  @IsOptional()
  @IsInt()
  @IsPositive()
  accountServiceId?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'add_*: how many; 1 when left out' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  quantity?: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'add_service (optional) and set_price_override: unit price in minor units',
  })
  @IsOptional()
  @IsMinorUnits()
  priceOverride?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'change_status: the new status' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  accountStatusId?: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Boolean,
    description: 'Prorate the change; needs billing.proration_override. Left out or null: the billing configuration decides when it runs',
  })
  @IsOptional()
  @IsBoolean()
  prorate?: boolean | null;
}

export class CreateScheduledEventDto extends ScheduledEventFieldsDto {
  @ApiProperty({ enum: SCHEDULED_EVENT_KINDS })
  @IsIn(SCHEDULED_EVENT_KINDS, { message: `kind must be one of ${SCHEDULED_EVENT_KINDS.join(', ')}` })
  kind: ScheduledEventKind;
  @ApiProperty({ example: '2026-12-01T08:00:00Z', description: 'When to carry it out; in the future' })
  @IsInstant()
  runAt: string;
}

/** A new time and/or new values of the kind's fields; the kind itself cannot change. */
export class UpdateScheduledEventDto extends ScheduledEventFieldsDto {
  @ApiPropertyOptional({ example: '2026-12-01T08:00:00Z' })
  @IsOptional()
  @IsInstant()
  runAt?: string;
}

export class ScheduledEventFilterDto {
  @ApiPropertyOptional({ enum: SCHEDULED_EVENT_STATES })
  @IsOptional()
  @IsIn(SCHEDULED_EVENT_STATES, { message: `state must be one of ${SCHEDULED_EVENT_STATES.join(', ')}` })
  state?: ScheduledEventState;
}

export class ScheduledEventResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty({ enum: SCHEDULED_EVENT_KINDS }) kind: ScheduledEventKind;
  @ApiProperty({ description: 'What it does, in words' }) summary: string;
  @ApiProperty({ type: String, format: 'date-time' }) runAt: string;
  @ApiProperty({ enum: SCHEDULED_EVENT_STATES }) state: ScheduledEventState;
  @ApiProperty({ nullable: true, type: String }) failureReason: string | null;
  @ApiProperty({ nullable: true, type: Number }) serviceId: number | null;
  @ApiProperty({ nullable: true, type: Number }) packageId: number | null;
  @ApiProperty({ nullable: true, type: Number }) accountServiceId: number | null;
  @ApiProperty({ nullable: true, type: Number }) quantity: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Minor units' }) priceOverride: number | null;
  @ApiProperty({ nullable: true, type: Number }) accountStatusId: number | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null: the billing configuration decides' }) prorate: boolean | null;
  @ApiProperty({ description: 'Goes up by one with every edit' }) revision: number;
  @ApiProperty({ nullable: true, type: String, description: 'The Temporal workflow carrying it out' }) workflowId: string | null;
  @ApiProperty({ nullable: true, type: Number }) createdBy: number | null;
  @ApiProperty({ nullable: true, type: String }) createdByEmail: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) actedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
