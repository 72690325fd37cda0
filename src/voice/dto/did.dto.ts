import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsPositive, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsInstant } from '../../common/calendar-date';

export const DID_STATES = ['available', 'assigned', 'reserved', 'retired'] as const;
export type DidState = (typeof DID_STATES)[number];
/** The states a clerk may put a number in; `assigned` comes only from assigning it to a voice service. */
export const SETTABLE_DID_STATES = ['available', 'reserved', 'retired'] as const;
export type SettableDidState = (typeof SETTABLE_DID_STATES)[number];

/** The most numbers one range may add: a range past this is almost always a typo in one end. */
export const MAX_DID_RANGE = 10_000;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const PHONE_TEXT = /^\+?[\d\s().\-/]{4,32}$/;
const PHONE_MESSAGE = 'must be a phone number, such as +1 217 555 0100 or 2175550100';

export class CreateDidDto {
  @ApiProperty({ example: '+1 217 555 0100', description: 'Written any usual way; kept as E.164 digits' })
  @Transform(trimmed)
  @IsString()
  @Matches(PHONE_TEXT, { message: `number ${PHONE_MESSAGE}` })
  number: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trimmed) @IsString() @MaxLength(255) note?: string | null;
}

export class CreateDidRangeDto {
  @ApiProperty({ example: '+1 217 555 0100', description: 'The first number of the range' })
  @Transform(trimmed)
  @IsString()
  @Matches(PHONE_TEXT, { message: `from ${PHONE_MESSAGE}` })
  from: string;
  @ApiProperty({ example: '+1 217 555 0199', description: `The last number, included; at most ${MAX_DID_RANGE} numbers in all` })
  @Transform(trimmed)
  @IsString()
  @Matches(PHONE_TEXT, { message: `to ${PHONE_MESSAGE}` })
  to: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Kept on every number added' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(255)
  note?: string | null;
}

export class DidRangeResponseDto {
  @ApiProperty({ description: 'First number of the range, E.164 digits' }) from: string;
  @ApiProperty({ description: 'Last number of the range, E.164 digits' }) to: string;
  @ApiProperty({ description: 'Numbers in the range' }) numbers: number;
  @ApiProperty({ description: 'Numbers added' }) added: number;
  @ApiProperty({ description: 'Numbers of the range the instance had already, left as they were' }) skipped: number;
  @ApiProperty({ type: [String], description: 'The first hundred of those' }) skippedNumbers: string[];
}

/** Reserve, retire or free a number, or change its note; an assigned number is released through its voice service. */
export class UpdateDidDto {
  @ApiPropertyOptional({ enum: SETTABLE_DID_STATES })
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsIn(SETTABLE_DID_STATES)
  state?: SettableDidState;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trimmed) @IsString() @MaxLength(255) note?: string | null;
}

export class DidFilterDto {
  @ApiPropertyOptional({ enum: DID_STATES }) @IsOptional() @IsIn(DID_STATES) state?: DidState;
  @ApiPropertyOptional({ description: 'Digits the number contains (a + and spaces are ignored)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s+().\-/]/g, '') : value))
  @Matches(/^\d{1,15}$/, { message: 'q must be up to 15 digits' })
  q?: string;
  @ApiPropertyOptional({ description: 'Numbers held now by this account' }) @IsOptional() @IsInt() @IsPositive() accountId?: number;
  @ApiPropertyOptional({ description: 'Numbers held now by this voice service' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  accountServiceId?: number;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const DID_SORTABLE = ['number', 'state', 'id', 'updatedAt'] as const;
export type DidSortField = (typeof DID_SORTABLE)[number];

export class DidResponseDto {
  @ApiProperty() id: number;
  @ApiProperty({ description: 'E.164 digits, without +', example: '12175550100' }) number: string;
  @ApiProperty({ enum: DID_STATES }) state: DidState;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The voice service holding it now' }) accountServiceId: number | null;
  @ApiProperty({ nullable: true, type: Number }) accountId: number | null;
  @ApiProperty({ nullable: true, type: String }) accountName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The catalogue name of the voice service holding it' })
  serviceName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Since when the holder has it' })
  assignedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class AssignDidDto {
  @ApiProperty({ description: 'An available number of the instance' }) @IsInt() @IsPositive() didId: number;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description:
      'Since when the service has the number, for calls made before it was recorded here; now when left out. Never in the future.',
  })
  @IsOptional()
  @IsInstant()
  since?: string;
}

/** One holding of a number by a voice service: the half-open interval [assignedAt, releasedAt). */
export class DidHoldingResponseDto {
  @ApiProperty({ description: 'The holding' }) id: number;
  @ApiProperty() didId: number;
  @ApiProperty({ description: 'E.164 digits, without +' }) number: string;
  @ApiProperty() accountId: number;
  @ApiProperty() accountServiceId: number;
  @ApiProperty({ nullable: true, type: String }) serviceName: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) assignedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Null while it is held' }) releasedAt: string | null;
  @ApiProperty({ description: 'Held now' }) current: boolean;
}

export class AccountDidFilterDto {
  @ApiPropertyOptional({ description: 'true: held now; false: given back' }) @IsOptional() @IsBoolean() current?: boolean;
  @ApiPropertyOptional({ description: 'Digits the number contains' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s+().\-/]/g, '') : value))
  @Matches(/^\d{1,15}$/, { message: 'q must be up to 15 digits' })
  q?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountServiceId?: number;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const ACCOUNT_DID_SORTABLE = ['assignedAt', 'releasedAt', 'number', 'id'] as const;
export type AccountDidSortField = (typeof ACCOUNT_DID_SORTABLE)[number];

export class VoiceServiceDidDto {
  @ApiProperty() didId: number;
  @ApiProperty({ description: 'E.164 digits, without +' }) number: string;
  @ApiProperty({ type: String, format: 'date-time' }) assignedAt: string;
}

export class VoiceServiceResponseDto {
  @ApiProperty({ description: 'The account service' }) id: number;
  @ApiProperty() accountId: number;
  @ApiProperty({ description: 'The catalogue service' }) serviceId: number;
  @ApiProperty() serviceName: string;
  @ApiProperty({ nullable: true, type: Number }) ratePlanId: number | null;
  @ApiProperty({ nullable: true, type: String }) ratePlanName: string | null;
  @ApiProperty() includedMinutes: number;
  @ApiProperty({ enum: ['all', 'outbound'] }) includedMinutesScope: 'all' | 'outbound';
  @ApiProperty({ type: String, format: 'date' }) addedOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) removedOn: string | null;
  @ApiProperty({ type: [VoiceServiceDidDto], description: 'Numbers it holds now' })
  @Type(() => VoiceServiceDidDto)
  dids: VoiceServiceDidDto[];
}
