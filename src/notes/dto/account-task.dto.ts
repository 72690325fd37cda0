import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsInt, IsOptional, IsPositive, IsString, Matches, MaxLength } from 'class-validator';
import { unlessNull } from '../../common/unless-null';
import { IsCalendarDate } from '../../common/calendar-date';

/** Lets a PUT send null to clear an optional value, while undefined leaves it alone. */

export class CreateAccountTaskDto {
  @ApiProperty({ example: 42 }) @IsInt() @IsPositive() accountId: number;
  @ApiProperty({ example: 'Replace the ONT', maxLength: 200 })
  @IsString()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200)
  title: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 10_000 })
  @unlessNull
  @IsString()
  @MaxLength(10_000)
  description?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'An active staff user' })
  @unlessNull
  @IsInt()
  @IsPositive()
  assignedUserId?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', example: '2026-12-01' })
  @unlessNull
  @IsCalendarDate()
  dueDate?: string | null;
}

export class UpdateAccountTaskDto {
  @ApiPropertyOptional({ description: 'Tasks stay with their account; only the current id is accepted' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  accountId?: number;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200)
  title?: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 10_000 })
  @unlessNull
  @IsString()
  @MaxLength(10_000)
  description?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number })
  @unlessNull
  @IsInt()
  @IsPositive()
  assignedUserId?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' })
  @unlessNull
  @IsCalendarDate()
  dueDate?: string | null;
  @ApiPropertyOptional({ description: 'true records who completed it and when; false clears both' })
  @IsOptional()
  @IsBoolean()
  completed?: boolean;
}

export class AccountTaskFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() accountId?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() completed?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() assignedUserId?: number;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const ACCOUNT_TASK_SORTABLE = ['dueDate', 'createdAt'] as const;
export type AccountTaskSortField = (typeof ACCOUNT_TASK_SORTABLE)[number];

export class AccountTaskResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: Number }) assignedUserId: number | null;
  @ApiProperty({ nullable: true, type: String }) assignedUserName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dueDate: string | null;
  @ApiProperty() completed: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) completedByUserId: number | null;
  @ApiProperty({ nullable: true, type: String }) completedByName: string | null;
  @ApiProperty() createdByUserId: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
