import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsPositive, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { unlessNull } from '../../common/unless-null';
import { COLOR_PATTERN, MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, OmittableNotNull, trimmed } from './job-fields';

export const COMPLETION_ACTIONS = ['none', 'activate_account'] as const;
export type CompletionAction = (typeof COMPLETION_ACTIONS)[number];

export class CreateJobTypeDto {
  @ApiProperty({ example: 'Installation', maxLength: 80 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name: string;

  @ApiProperty({ example: 120, minimum: MIN_DURATION_MINUTES, maximum: MAX_DURATION_MINUTES })
  @IsInt()
  @Min(MIN_DURATION_MINUTES)
  @Max(MAX_DURATION_MINUTES)
  defaultDurationMinutes: number;

  @ApiPropertyOptional({ example: '#1e88e5', default: '#1e88e5' })
  @IsOptional()
  @Matches(COLOR_PATTERN, { message: 'color must be #rrggbb' })
  color?: string;

  @ApiPropertyOptional({ enum: COMPLETION_ACTIONS, default: 'none', description: 'What completing a job of this type does to the account' })
  @IsOptional()
  @IsIn(COMPLETION_ACTIONS)
  completionAction?: CompletionAction;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'The account status (counting as active) that completion moves the account to',
  })
  @unlessNull
  @IsInt()
  @IsPositive()
  activationStatusId?: number | null;
}

export class UpdateJobTypeDto {
  @ApiPropertyOptional({ maxLength: 80 })
  @OmittableNotNull()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name?: string;

  @ApiPropertyOptional({ minimum: MIN_DURATION_MINUTES, maximum: MAX_DURATION_MINUTES })
  @OmittableNotNull()
  @IsInt()
  @Min(MIN_DURATION_MINUTES)
  @Max(MAX_DURATION_MINUTES)
  defaultDurationMinutes?: number;

  @ApiPropertyOptional({ example: '#1e88e5' })
  @OmittableNotNull()
  @Matches(COLOR_PATTERN, { message: 'color must be #rrggbb' })
  color?: string;

  @ApiPropertyOptional({ enum: COMPLETION_ACTIONS })
  @OmittableNotNull()
  @IsIn(COMPLETION_ACTIONS)
  completionAction?: CompletionAction;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @unlessNull
  @IsInt()
  @IsPositive()
  activationStatusId?: number | null;
}

export class JobTypeFilterDto {
  @ApiPropertyOptional({ description: 'Words in the name' }) @IsOptional() @IsString() @MaxLength(200) q?: string;

  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const JOB_TYPE_SORTABLE = ['name', 'id', 'defaultDurationMinutes'] as const;
export type JobTypeSortField = (typeof JOB_TYPE_SORTABLE)[number];

export class JobTypeResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() defaultDurationMinutes: number;
  @ApiProperty({ example: '#1e88e5' }) color: string;
  @ApiProperty({ enum: COMPLETION_ACTIONS }) completionAction: CompletionAction;
  @ApiProperty({ nullable: true, type: Number }) activationStatusId: number | null;
  @ApiProperty({ nullable: true, type: String }) activationStatusName: string | null;
  @ApiProperty({ description: 'Jobs of this type, whatever their status' }) jobCount: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}
