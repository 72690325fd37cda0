import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsOptional, IsPositive, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { unlessNull } from '../../common/unless-null';
import { CallLogTicketRequestResponseDto } from './call-log-ticket-request.dto';
import { IsInstant } from '../../common/calendar-date';

/** TEXT holds 65,535 bytes; 10,000 characters fit even when every one takes four bytes. */
export const CALL_NOTES_MAX_LENGTH = 10_000;
export const CALL_SUBJECT_MAX_LENGTH = 200;
/** A day: longer than any real call, short enough to catch minutes typed as seconds many times over. */
export const CALL_DURATION_MAX_SECONDS = 86_400;

/** Lets a PATCH send null to clear an optional value, while undefined leaves it alone. */

export class CreateCallLogDto {
  @ApiProperty({ example: 'Slow speeds in the evening', maxLength: CALL_SUBJECT_MAX_LENGTH })
  @IsString()
  @Matches(/\S/, { message: 'subject must not be blank' })
  @MaxLength(CALL_SUBJECT_MAX_LENGTH)
  subject: string;

  @ApiProperty({ example: 312, description: 'How long the call lasted, in seconds' })
  @IsInt()
  @Min(0, { message: 'durationSeconds must not be negative' })
  @Max(CALL_DURATION_MAX_SECONDS, { message: `durationSeconds must be at most ${CALL_DURATION_MAX_SECONDS} (one day)` })
  durationSeconds: number;

  @ApiPropertyOptional({ description: 'The active staff user who took the call; the current user when left out' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  attendantUserId?: number;

  @ApiPropertyOptional({ example: '2026-11-27T09:30:00Z', description: 'When the call took place; now when left out, never in the future' })
  @IsOptional()
  @IsInstant()
  calledAt?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: CALL_NOTES_MAX_LENGTH })
  @unlessNull
  @IsString()
  @MaxLength(CALL_NOTES_MAX_LENGTH)
  notes?: string | null;
}

/** Any of the fields; the account of a call never changes. */
export class UpdateCallLogDto {
  @ApiPropertyOptional({ maxLength: CALL_SUBJECT_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'subject must not be blank' })
  @MaxLength(CALL_SUBJECT_MAX_LENGTH)
  subject?: string;

  @ApiPropertyOptional({ description: 'Seconds' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'durationSeconds must not be negative' })
  @Max(CALL_DURATION_MAX_SECONDS, { message: `durationSeconds must be at most ${CALL_DURATION_MAX_SECONDS} (one day)` })
  durationSeconds?: number;

  @ApiPropertyOptional({ description: 'An active staff user' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  attendantUserId?: number;

  @ApiPropertyOptional({ example: '2026-11-27T09:30:00Z' })
  @IsOptional()
  @IsInstant()
  calledAt?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: CALL_NOTES_MAX_LENGTH })
  @unlessNull
  @IsString()
  @MaxLength(CALL_NOTES_MAX_LENGTH)
  notes?: string | null;
}

export class CallLogFilterDto {
  @ApiPropertyOptional({ description: 'Words in the subject or the notes' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() attendantUserId?: number;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Calls at or after this instant' })
  @IsOptional()
  @IsInstant()
  calledFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Calls at or before this instant' })
  @IsOptional()
  @IsInstant()
  calledTo?: string;

  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const CALL_LOG_SORTABLE = ['calledAt', 'durationSeconds', 'subject', 'id'] as const;
export type CallLogSortField = (typeof CALL_LOG_SORTABLE)[number];

/** A ticket opened from the call (straight away, or from one of its requests). */
export class CallLogTicketDto {
  @ApiProperty() id: number;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: ['internal', 'public'] }) visibility: 'internal' | 'public';
}

export class CallLogResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'Seconds' }) durationSeconds: number;
  @ApiProperty() attendantUserId: number;
  @ApiProperty() attendantName: string;
  @ApiProperty({ type: String, format: 'date-time' }) calledAt: string;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty() createdBy: number;
  @ApiProperty() createdByName: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [CallLogTicketRequestResponseDto], description: 'Tickets asked for from this call, oldest first' })
  ticketRequests: CallLogTicketRequestResponseDto[];
  @ApiProperty({ type: [CallLogTicketDto], description: 'Tickets opened from this call, oldest first' })
  tickets: CallLogTicketDto[];
}
