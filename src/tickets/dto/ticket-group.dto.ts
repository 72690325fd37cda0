import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { unlessNull } from '../../common/unless-null';
import { IsMailbox, OmittableNotNull, trimmed } from './ticket-fields';

const lowerTrimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class CreateTicketGroupDto {
  @ApiProperty({ example: 'Support', maxLength: 100 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'name must not be blank' })
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'support@example.net',
    description: 'Mail to it opens or continues tickets in this group',
  })
  @Transform(lowerTrimmed)
  @unlessNull
  @IsMailbox()
  inboundAddress?: string | null;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() disabled?: boolean;

  @ApiPropertyOptional({ type: [Number], description: 'Active staff users' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsInt({ each: true })
  @IsPositive({ each: true })
  memberUserIds?: number[];
}

export class UpdateTicketGroupDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @OmittableNotNull()
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'name must not be blank' })
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null removes it' })
  @Transform(lowerTrimmed)
  @unlessNull
  @IsMailbox()
  inboundAddress?: string | null;

  @ApiPropertyOptional() @OmittableNotNull() @IsBoolean() disabled?: boolean;

  @ApiPropertyOptional({ type: [Number], description: 'Replaces the members' })
  @OmittableNotNull()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsInt({ each: true })
  @IsPositive({ each: true })
  memberUserIds?: number[];
}

export class TicketGroupFilterDto {
  @ApiPropertyOptional({ description: 'Part of the name' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() disabled?: boolean;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const TICKET_GROUP_SORTABLE = ['name', 'id'] as const;
export type TicketGroupSortField = (typeof TICKET_GROUP_SORTABLE)[number];

export class TicketGroupMemberDto {
  @ApiProperty() userId: number;
  @ApiProperty() name: string;
}

export class TicketGroupResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) inboundAddress: string | null;
  @ApiProperty() disabled: boolean;
  @ApiProperty({ type: [TicketGroupMemberDto] }) members: TicketGroupMemberDto[];
  @ApiProperty({ description: 'Tickets in this group, merged ones included' }) ticketCount: number;
}
