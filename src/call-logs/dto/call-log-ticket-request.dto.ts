import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsPositive, IsString, Matches, MaxLength } from 'class-validator';
import { unlessNull } from '../../common/unless-null';

export const TICKET_REQUEST_KINDS = ['internal', 'public'] as const;
export type TicketRequestKind = (typeof TICKET_REQUEST_KINDS)[number];
export const TICKET_REQUEST_STATUSES = ['pending', 'converted'] as const;
export type TicketRequestStatus = (typeof TICKET_REQUEST_STATUSES)[number];

export class CreateCallLogTicketRequestDto {
  @ApiProperty({ enum: TICKET_REQUEST_KINDS, description: 'internal: staff only; public: the subscriber sees it' })
  @IsIn(TICKET_REQUEST_KINDS, { message: `kind must be one of ${TICKET_REQUEST_KINDS.join(', ')}` })
  kind: TicketRequestKind;

  @ApiPropertyOptional({ description: 'An active staff user; the call attendant when left out' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  assigneeUserId?: number;

  @ApiPropertyOptional({ maxLength: 200, description: "The call's subject when left out" })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'subject must not be blank' })
  @MaxLength(200)
  subject?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 10_000, description: "The call's notes when left out" })
  @unlessNull
  @IsString()
  @MaxLength(10_000)
  description?: string | null;
}

export class CallLogTicketRequestResponseDto {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null once the call log is deleted' }) callLogId: number | null;
  @ApiProperty({ enum: TICKET_REQUEST_KINDS }) kind: TicketRequestKind;
  @ApiProperty() subject: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() accountId: number;
  @ApiProperty({ nullable: true, type: Number }) assigneeUserId: number | null;
  @ApiProperty({ nullable: true, type: String }) assigneeName: string | null;
  @ApiProperty({ enum: TICKET_REQUEST_STATUSES, description: 'converted once it became a ticket' }) status: TicketRequestStatus;
  @ApiProperty({ nullable: true, type: Number, description: 'The ticket it became' }) ticketId: number | null;
  @ApiProperty() createdBy: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}
