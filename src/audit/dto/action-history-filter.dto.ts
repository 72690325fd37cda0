import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsInt, IsOptional, IsPositive, IsString, MaxLength } from 'class-validator';
import { ACTION_KINDS } from '../action-history-words';

export class ActionHistoryFilterDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @ApiPropertyOptional({ description: 'Everything that happened to an account and what it owns' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  accountId?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) action?: string;
  @ApiPropertyOptional({ description: 'A kind of action, as listed by GET /action-history/kinds', example: 'invoice.generate' })
  @IsOptional()
  @IsIn(Object.keys(ACTION_KINDS), { message: 'kind must be one of the kinds of action listed by /action-history/kinds' })
  kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @IsPositive() actorUserId?: number;
  @ApiPropertyOptional({ description: 'Request id, to see everything one request changed' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  requestId?: string;
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z' }) @IsOptional() @IsISO8601() createdFrom?: string;
  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z' }) @IsOptional() @IsISO8601() createdTo?: string;
}

export const ACTION_HISTORY_SORTABLE = ['id', 'createdAt', 'action', 'entityType'] as const;
export type ActionHistorySortField = (typeof ACTION_HISTORY_SORTABLE)[number];
