import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsInstant } from '../../common/calendar-date';
import { unlessNull } from '../../common/unless-null';
import { JOB_ACTIONS, JOB_STATUSES, type JobAction, type JobStatus, STATUS_MOVES, type StatusMove } from '../job-statuses';
import {
  JOB_NOTES_MAX_LENGTH,
  MAX_DURATION_MINUTES,
  MAX_TECHNICIANS_PER_JOB,
  MIN_DURATION_MINUTES,
  OmittableNotNull,
  OneOrMany,
  STATUS_REASON_MAX_LENGTH,
} from './job-fields';

export class CreateTicketJobDto {
  @ApiProperty() @IsInt() @IsPositive() jobTypeId: number;

  @ApiPropertyOptional({ minimum: MIN_DURATION_MINUTES, maximum: MAX_DURATION_MINUTES, description: "The type's default when left out" })
  @IsOptional()
  @IsInt()
  @Min(MIN_DURATION_MINUTES)
  @Max(MAX_DURATION_MINUTES)
  durationMinutes?: number;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: JOB_NOTES_MAX_LENGTH })
  @unlessNull
  @IsString()
  @MaxLength(JOB_NOTES_MAX_LENGTH)
  notes?: string | null;
}

export class CreateJobDto extends CreateTicketJobDto {
  @ApiPropertyOptional({ description: 'A ticket of the same account, to link the job to' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  ticketId?: number;
}

export class UpdateJobDto {
  @ApiPropertyOptional() @OmittableNotNull() @IsInt() @IsPositive() jobTypeId?: number;

  @ApiPropertyOptional({ minimum: MIN_DURATION_MINUTES, maximum: MAX_DURATION_MINUTES })
  @OmittableNotNull()
  @IsInt()
  @Min(MIN_DURATION_MINUTES)
  @Max(MAX_DURATION_MINUTES)
  durationMinutes?: number;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: JOB_NOTES_MAX_LENGTH })
  @unlessNull
  @IsString()
  @MaxLength(JOB_NOTES_MAX_LENGTH)
  notes?: string | null;
}

export class ScheduleJobDto {
  @ApiProperty({ example: '2026-12-01T09:00:00Z', description: 'The start, with its offset; not in the past' })
  @IsInstant()
  startsAt: string;

  @ApiPropertyOptional({
    minimum: MIN_DURATION_MINUTES,
    maximum: MAX_DURATION_MINUTES,
    description: "The job's current duration when left out",
  })
  @IsOptional()
  @IsInt()
  @Min(MIN_DURATION_MINUTES)
  @Max(MAX_DURATION_MINUTES)
  durationMinutes?: number;

  @ApiProperty({ type: [Number], example: [7], description: 'Staff user ids of bookable technicians' })
  @IsArray()
  @ArrayMinSize(1, { message: 'technicianIds must name at least one technician' })
  @ArrayMaxSize(MAX_TECHNICIANS_PER_JOB)
  @ArrayUnique({ message: 'technicianIds must not name a technician twice' })
  @IsInt({ each: true })
  @IsPositive({ each: true })
  technicianIds: number[];
}

export class ChangeJobStatusDto {
  @ApiProperty({ enum: STATUS_MOVES }) @IsIn(STATUS_MOVES) status: StatusMove;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: STATUS_REASON_MAX_LENGTH, description: 'Why it failed or was cancelled' })
  @unlessNull
  @IsString()
  @MaxLength(STATUS_REASON_MAX_LENGTH)
  reason?: string | null;
}

export const JOB_ATTACHMENT_KINDS = ['task', 'file'] as const;
export type JobAttachmentKind = (typeof JOB_ATTACHMENT_KINDS)[number];

export class CreateJobLinkDto {
  @ApiProperty({ enum: JOB_ATTACHMENT_KINDS }) @IsIn(JOB_ATTACHMENT_KINDS) kind: JobAttachmentKind;
  @ApiProperty({ description: "The id of the account's task or file" }) @IsInt() @IsPositive() targetId: number;
}

export class AccountJobFilterDto {
  @ApiPropertyOptional({ description: "Words in the notes, the type's name or the account's name; a number also matches the job id" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: JOB_STATUSES, isArray: true, description: 'One status or a list' })
  @IsOptional()
  @OneOrMany()
  @IsArray()
  @IsIn(JOB_STATUSES, { each: true })
  status?: JobStatus[];

  @ApiPropertyOptional({ type: [Number], description: 'One job type id or a list' })
  @IsOptional()
  @OneOrMany()
  @IsArray()
  @IsInt({ each: true })
  @IsPositive({ each: true })
  jobTypeId?: number[];

  @ApiPropertyOptional({ description: 'Jobs booked on this technician (staff user id)' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  technicianId?: number;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Jobs starting at or after this instant' })
  @IsOptional()
  @IsInstant()
  scheduledFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Jobs starting before this instant' })
  @IsOptional()
  @IsInstant()
  scheduledTo?: string;

  @ApiPropertyOptional({ description: 'Jobs linked to this ticket' }) @IsOptional() @IsInt() @IsPositive() ticketId?: number;

  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export class JobFilterDto extends AccountJobFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
}

export const JOB_SORTABLE = ['startsAt', 'id', 'createdAt', 'status', 'durationMinutes', 'jobTypeName', 'accountName'] as const;
export type JobSortField = (typeof JOB_SORTABLE)[number];

export class JobTechnicianDto {
  @ApiProperty({ description: 'The staff user id' }) id: number;
  @ApiProperty() name: string;
  @ApiProperty() color: string;
}

export class JobResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() accountName: string;
  @ApiProperty() jobTypeId: number;
  @ApiProperty() jobTypeName: string;
  @ApiProperty() jobTypeColor: string;
  @ApiProperty({ enum: JOB_STATUSES }) status: JobStatus;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startsAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'startsAt plus the duration (exclusive)' })
  endsAt: string | null;
  @ApiProperty({ type: [JobTechnicianDto] }) technicians: JobTechnicianDto[];
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty() hasNotes: boolean;
  @ApiProperty({ nullable: true, type: Number }) ticketId: number | null;
  @ApiProperty({ nullable: true, type: String }) ticketSubject: string | null;
  @ApiProperty() taskCount: number;
  @ApiProperty() fileCount: number;
  @ApiProperty({ nullable: true, type: String }) statusReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'What completing the job did to the account' })
  completionResult: Record<string, unknown> | null;
  @ApiProperty({ enum: JOB_ACTIONS, isArray: true, description: "What the job's status allows" }) actions: JobAction[];
  @ApiProperty({ nullable: true, type: Number }) createdBy: number | null;
  @ApiProperty({ nullable: true, type: String }) createdByName: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class JobLinkDto {
  @ApiProperty({ enum: JOB_ATTACHMENT_KINDS }) kind: JobAttachmentKind;
  @ApiProperty() targetId: number;
  @ApiProperty({ description: "The task's title or the file's name" }) title: string;
}

export class JobDetailResponseDto extends JobResponseDto {
  @ApiProperty({ type: [JobLinkDto] }) links: JobLinkDto[];
}

/** The widest window the calendar answers: six weeks of a month view and some. */
export const CALENDAR_MAX_DAYS = 62;

export class JobCalendarQueryDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'From this instant (inclusive)' }) @IsInstant() from: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: `To this instant (exclusive); at most ${CALENDAR_MAX_DAYS} days after from`,
  })
  @IsInstant()
  to: string;

  @ApiPropertyOptional({ description: 'Only this technician' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @Type(() => Number)
  @IsInt()
  @IsPositive()
  technicianId?: number;
}

export class CalendarTechnicianDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() color: string;
  @ApiProperty() active: boolean;
}

export class CalendarBookingDto {
  @ApiProperty() jobId: number;
  @ApiProperty() technicianId: number;
  @ApiProperty({ type: String, format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) endsAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ enum: JOB_STATUSES }) status: JobStatus;
  @ApiProperty() jobTypeId: number;
  @ApiProperty() jobTypeName: string;
  @ApiProperty() jobTypeColor: string;
  @ApiProperty() accountId: number;
  @ApiProperty() accountName: string;
  @ApiProperty({ nullable: true, type: Number }) ticketId: number | null;
  @ApiProperty({ type: [Number], description: 'Every technician on the job' }) technicianIds: number[];
}

export class JobCalendarResponseDto {
  @ApiProperty({ type: String, format: 'date-time' }) from: string;
  @ApiProperty({ type: String, format: 'date-time' }) to: string;
  @ApiProperty({ type: [CalendarTechnicianDto] }) technicians: CalendarTechnicianDto[];
  @ApiProperty({ type: [CalendarBookingDto] }) bookings: CalendarBookingDto[];
}
