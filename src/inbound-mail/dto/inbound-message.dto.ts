import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsOptional, IsPositive, IsString, MaxLength } from 'class-validator';

export const INBOUND_MESSAGE_STATUSES = ['received', 'processed', 'rejected'] as const;
export type InboundMessageStatus = (typeof INBOUND_MESSAGE_STATUSES)[number];

export class InboundMessageFilterDto {
  @ApiPropertyOptional({ description: 'Words in the subject, the sender or the reason' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: INBOUND_MESSAGE_STATUSES })
  @IsOptional()
  @IsIn(INBOUND_MESSAGE_STATUSES)
  status?: InboundMessageStatus;

  @ApiPropertyOptional({ description: 'Messages filed on this ticket' })
  @IsOptional()
  @IsInt()
  @IsPositive()
  ticketId?: number;

  @ApiPropertyOptional({ type: [Number], description: 'react-admin getMany' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export const INBOUND_MESSAGE_SORTABLE = ['id', 'receivedAt', 'status', 'fromAddress', 'subject', 'sizeBytes'] as const;
export type InboundMessageSortField = (typeof INBOUND_MESSAGE_SORTABLE)[number];

export class InboundMessageResponseDto {
  @ApiProperty() id: number;
  @ApiProperty({ description: 'The mailbox it was read from, without its password' }) mailbox: string;
  @ApiProperty({ nullable: true, type: String }) messageId: string | null;
  @ApiProperty({ nullable: true, type: String }) fromAddress: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The addresses it was delivered to, separated by commas' })
  toAddresses: string | null;
  @ApiProperty({ nullable: true, type: String }) subject: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Its Date header' }) sentAt: string | null;
  @ApiProperty({ description: 'Bytes, as the mail server counted them' }) sizeBytes: number;
  @ApiProperty({ description: 'Whether the raw message is kept (not for a message over the size limit, which is never read)' })
  rawKept: boolean;
  @ApiProperty({
    enum: INBOUND_MESSAGE_STATUSES,
    description: 'received: read, not yet on a ticket; processed: on a ticket; rejected: kept here only',
  })
  status: InboundMessageStatus;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was rejected, or why the last try to file it failed' })
  reason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'What was left out of the ticket (attachments over the limit)' })
  notes: string | null;
  @ApiProperty({ description: 'How often the mailbox offered this message (more than 1: delivered or fetched again)' })
  timesSeen: number;
  @ApiProperty({ nullable: true, type: Number }) ticketId: number | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Whether the message opened its ticket' }) ticketCreated: boolean | null;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) processedAt: string | null;
}

export class InboundMailCheckResponseDto {
  @ApiProperty({ description: 'The mailbox about to be read, without its password' }) mailbox: string;
}
