import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsOptional, IsPositive, IsString, MaxLength } from 'class-validator';
import { CDR_FORMATS, type CdrFormat } from '../cdr-options';
import { CALL_DIRECTIONS } from '../rate-deck';

export const CDR_FILE_STATUSES = ['received', 'importing', 'imported', 'failed'] as const;
export type CdrFileStatusName = (typeof CDR_FILE_STATUSES)[number];
export const CDR_FILE_SOURCES = ['upload', 'folder'] as const;
export type CdrFileSource = (typeof CDR_FILE_SOURCES)[number];
/** Why a line did not become a call: the reader's reasons, then matching's and rating's. */
export const CDR_REJECT_REASONS = [
  'malformed_csv',
  'columns',
  'bad_date',
  'bad_duration',
  'negative_duration',
  'missing_number',
  'not_e164',
  'bad_direction',
  'unmatched',
  'no_rate',
] as const;
export type CdrRejectReasonName = (typeof CDR_REJECT_REASONS)[number];

export class UploadCdrFileDto {
  @ApiPropertyOptional({
    enum: CDR_FORMATS,
    default: 'asterisk',
    description: "Asterisk's Master.csv, or any CSV with a header read through mapping",
  })
  format?: CdrFormat;
  @ApiPropertyOptional({
    description:
      'Generic files only: JSON naming the header of each fact, e.g. {"start":"Start","from":"Caller","to":"Called","durationSeconds":"Seconds"}; optional callId, answer and end (instead of durationSeconds), direction',
  })
  mapping?: string;
  @ApiPropertyOptional({
    description: "The switch's time zone, for times without an offset; VOICE_CDR_TIME_ZONE or the billing time zone when left out",
  })
  timeZone?: string;
  @ApiPropertyOptional({ description: 'Country of numbers written without a country code; VOICE_DEFAULT_COUNTRY when left out' })
  defaultCountry?: string;
  @ApiPropertyOptional({
    enum: CALL_DIRECTIONS,
    description: 'Every call of the file goes this way; otherwise the line or the numbers decide',
  })
  direction?: string;
  @ApiPropertyOptional({ description: "Asterisk: cdr.conf's loguniqueid is on (true/false)" }) logUniqueId?: string;
  @ApiPropertyOptional({ description: "Asterisk: cdr.conf's loguserfield is on" }) logUserField?: string;
  @ApiPropertyOptional({ description: "Asterisk: cdr.conf's newcdrcolumns is on" }) newCdrColumns?: string;
  @ApiProperty({ type: 'string', format: 'binary', description: 'The file, after the fields above' }) file: unknown;
}

export class CdrFileFilterDto {
  @ApiPropertyOptional({ enum: CDR_FILE_STATUSES }) @IsOptional() @IsIn(CDR_FILE_STATUSES) status?: CdrFileStatusName;
  @ApiPropertyOptional({ enum: CDR_FILE_SOURCES }) @IsOptional() @IsIn(CDR_FILE_SOURCES) source?: CdrFileSource;
  @ApiPropertyOptional({ description: 'Part of the name' }) @IsOptional() @IsString() @MaxLength(255) q?: string;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const CDR_FILE_SORTABLE = ['id', 'createdAt', 'name', 'status', 'finishedAt'] as const;
export type CdrFileSortField = (typeof CDR_FILE_SORTABLE)[number];

export class CdrFileResponseDto {
  @ApiProperty() id: number;
  @ApiProperty({ description: "The file's name as it came" }) name: string;
  @ApiProperty({ enum: CDR_FILE_SOURCES }) source: CdrFileSource;
  @ApiProperty({ enum: CDR_FORMATS }) format: CdrFormat;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'How it is read: time zone, country, Asterisk columns or the mapping',
  })
  options: Record<string, unknown>;
  @ApiProperty() sha256: string;
  @ApiProperty() byteSize: number;
  @ApiProperty({ enum: CDR_FILE_STATUSES }) status: CdrFileStatusName;
  @ApiProperty({ nullable: true, type: String, description: 'Its import in Temporal' }) workflowId: string | null;
  @ApiProperty({ description: 'Lines read so far (blank lines and a header not counted)' }) linesRead: number;
  @ApiProperty({ description: 'Calls first recorded by this file' }) callsRecorded: number;
  @ApiProperty({ description: 'Calls of the file recorded already, by an earlier file or twice in this one' }) callsDuplicate: number;
  @ApiProperty() linesRejected: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why the file could not be read' }) failure: string | null;
  @ApiProperty({ nullable: true, type: Number }) uploadedBy: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class CdrRejectFilterDto {
  @ApiPropertyOptional({ enum: CDR_REJECT_REASONS }) @IsOptional() @IsIn(CDR_REJECT_REASONS) reason?: CdrRejectReasonName;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() fileId?: number;
  @ApiPropertyOptional({ description: 'Text the line or the message contains' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const CDR_REJECT_SORTABLE = ['id', 'lineNo', 'reason', 'fileId'] as const;
export type CdrRejectSortField = (typeof CDR_REJECT_SORTABLE)[number];

export class CdrRejectResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() fileId: number;
  @ApiProperty({ description: "The file's name" }) fileName: string;
  @ApiProperty({ description: 'The line of the file, 1 for the first' }) lineNo: number;
  @ApiProperty({ enum: CDR_REJECT_REASONS }) reason: CdrRejectReasonName;
  @ApiProperty({ description: 'Why, in a sentence' }) message: string;
  @ApiProperty({ description: 'The line as the switch wrote it' }) raw: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class CdrFolderScanResponseDto {
  @ApiProperty({ description: 'The folder watcher in Temporal, asked to look now' }) workflowId: string;
  @ApiProperty({ description: 'The folder it watches' }) folder: string;
}
