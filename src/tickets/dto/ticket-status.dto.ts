import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OmittableNotNull, TICKET_STATUS_KINDS, TicketStatusKind, trimmed } from './ticket-fields';

export class CreateTicketStatusDto {
  @ApiProperty({ example: 'Waiting on parts', maxLength: 60 })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'name must not be blank' })
  @MaxLength(60)
  name: string;

  @ApiProperty({ enum: TICKET_STATUS_KINDS, description: 'What the product does with tickets in this status' })
  @IsIn(TICKET_STATUS_KINDS, { message: `kind must be one of ${TICKET_STATUS_KINDS.join(', ')}` })
  kind: TicketStatusKind;

  @ApiPropertyOptional({ description: 'Order in lists; after the others when left out' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;

  @ApiPropertyOptional({ description: 'Becomes the one default status (must be of kind open)' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateTicketStatusDto {
  @ApiPropertyOptional({ maxLength: 60 })
  @OmittableNotNull()
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'name must not be blank' })
  @MaxLength(60)
  name?: string;

  @ApiPropertyOptional({ enum: TICKET_STATUS_KINDS })
  @OmittableNotNull()
  @IsIn(TICKET_STATUS_KINDS, { message: `kind must be one of ${TICKET_STATUS_KINDS.join(', ')}` })
  kind?: TicketStatusKind;

  @ApiPropertyOptional() @OmittableNotNull() @IsInt() @Min(0) @Max(1000) position?: number;

  @ApiPropertyOptional({ description: 'true makes it the default; false on the default is refused' })
  @OmittableNotNull()
  @IsBoolean()
  isDefault?: boolean;
}

export class TicketStatusFilterDto {
  @ApiPropertyOptional({ enum: TICKET_STATUS_KINDS }) @IsOptional() @IsIn(TICKET_STATUS_KINDS) kind?: TicketStatusKind;
  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const TICKET_STATUS_SORTABLE = ['position', 'name', 'kind', 'id'] as const;
export type TicketStatusSortField = (typeof TICKET_STATUS_SORTABLE)[number];

export class TicketStatusResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: TICKET_STATUS_KINDS }) kind: TicketStatusKind;
  @ApiProperty() position: number;
  @ApiProperty() isDefault: boolean;
  @ApiProperty({ description: 'Tickets in this status, merged ones included' }) ticketCount: number;
}
