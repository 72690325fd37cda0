import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { TICKET_PRIORITIES, type TicketPriority } from '../../tickets/dto/ticket-fields';

/** A year of business time: longer than any target means anything. */
export const TARGET_MAX_SECONDS = 366 * 24 * 3600;

const nullable = (_: object, value: unknown) => value !== null && value !== undefined;
const asNumberOrNull = ({ value }: { value: unknown }) => (value === '' ? null : value);

export class CreateDeadlineTargetDto {
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'The ticket group; null for the default of every group without its own',
  })
  @IsOptional()
  @ValidateIf(nullable)
  @IsInt()
  @Min(1)
  groupId?: number | null;

  @ApiProperty({ enum: TICKET_PRIORITIES })
  @IsIn(TICKET_PRIORITIES, { message: `priority must be one of ${TICKET_PRIORITIES.join(', ')}` })
  priority: TicketPriority;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Business time until the first public reply is due, in seconds; null: none',
  })
  @IsOptional()
  @Transform(asNumberOrNull)
  @ValidateIf(nullable)
  @IsInt()
  @Min(1)
  @Max(TARGET_MAX_SECONDS)
  firstResponseSeconds?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Business time until the ticket is due closed, in seconds; null: none',
  })
  @IsOptional()
  @Transform(asNumberOrNull)
  @ValidateIf(nullable)
  @IsInt()
  @Min(1)
  @Max(TARGET_MAX_SECONDS)
  resolutionSeconds?: number | null;

  @ApiPropertyOptional({ default: false, description: 'A breach raises the ticket one priority step' })
  @IsOptional()
  @IsBoolean()
  raisePriorityOnBreach?: boolean;
}

export class UpdateDeadlineTargetDto {
  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @ValidateIf(nullable)
  @IsInt()
  @Min(1)
  groupId?: number | null;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @ValidateIf((_: object, value: unknown) => value !== undefined)
  @IsIn(TICKET_PRIORITIES, { message: `priority must be one of ${TICKET_PRIORITIES.join(', ')}` })
  priority?: TicketPriority;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @Transform(asNumberOrNull)
  @ValidateIf(nullable)
  @IsInt()
  @Min(1)
  @Max(TARGET_MAX_SECONDS)
  firstResponseSeconds?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @Transform(asNumberOrNull)
  @ValidateIf(nullable)
  @IsInt()
  @Min(1)
  @Max(TARGET_MAX_SECONDS)
  resolutionSeconds?: number | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() raisePriorityOnBreach?: boolean;
}

export class DeadlineTargetFilterDto {
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
  @ApiPropertyOptional({ description: 'Targets of this ticket group' }) @IsOptional() @IsInt() groupId?: number;
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES, { message: `priority must be one of ${TICKET_PRIORITIES.join(', ')}` })
  priority?: TicketPriority;
}

export const DEADLINE_TARGET_SORTABLE = ['id', 'priority', 'groupId'] as const;
export type DeadlineTargetSortField = (typeof DEADLINE_TARGET_SORTABLE)[number];

export class DeadlineTargetDto {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null: the default for every group without its own target' }) groupId:
    number | null;
  @ApiProperty({ nullable: true, type: String }) groupName: string | null;
  @ApiProperty({ enum: TICKET_PRIORITIES }) priority: TicketPriority;
  @ApiProperty({ nullable: true, type: Number, description: 'Business time, in seconds' }) firstResponseSeconds: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Business time, in seconds' }) resolutionSeconds: number | null;
  @ApiProperty() raisePriorityOnBreach: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
