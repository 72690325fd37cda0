import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export const WEBHOOK_EVENT_STATUSES = ['received', 'processed', 'ignored', 'failed'] as const;

export class WebhookEventDto {
  @ApiProperty({ example: 'evt_1QxYz' }) id: string;
  @ApiProperty({ example: 'payment_intent.succeeded' }) type: string;
  @ApiProperty({ nullable: true, type: String, description: 'The id of the processor object the event is about' }) objectId: string | null;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ description: 'How many times the processor delivered it' }) deliveries: number;
  @ApiProperty({ nullable: true, type: String, description: 'When it was last handed to processing; null while it waits in the inbox' })
  dispatchedAt: string | null;
  @ApiProperty({ description: 'How many times it was handed to processing' }) dispatches: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The workflow id of the batch that processes it: the run to look for in the Temporal UI',
    example: 'stripe-events/evt_1QxYz',
  })
  batchId: string | null;
  @ApiProperty({ description: 'How many times its handler ran: 1 once processed, more when a try failed' }) attempts: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The account whose payment (refund, dispute, card) it was about, once processed',
  })
  accountId: number | null;
  @ApiProperty({
    enum: WEBHOOK_EVENT_STATUSES,
    description: 'received: waiting or being processed; ignored: a type Backhaul does not act on',
  })
  status: (typeof WEBHOOK_EVENT_STATUSES)[number];
  @ApiProperty({ nullable: true, type: String, description: 'What processing did, in a word or two' }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String }) processedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last try failed; processing tries again' }) lastError: string | null;
}

export class WebhookEventFilterDto {
  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_STATUSES }) @IsOptional() @IsIn(WEBHOOK_EVENT_STATUSES) status?: string;
  @ApiPropertyOptional({ example: 'payment_intent.succeeded' }) @IsOptional() @IsString() @MaxLength(100) type?: string;
  @ApiPropertyOptional({ example: 'pi_3QxYz' }) @IsOptional() @IsString() @MaxLength(255) objectId?: string;
  @ApiPropertyOptional({ example: 'stripe-events/evt_1QxYz' }) @IsOptional() @IsString() @MaxLength(120) batchId?: string;
  @ApiPropertyOptional({ example: 42 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) accountId?: number;
}

export class WebhookInboxFiguresDto {
  @ApiProperty({ description: 'Events stored and not yet processed' }) pending: number;
  @ApiProperty({ description: 'Of those, events not yet handed to processing' }) undispatched: number;
  @ApiProperty({ description: 'Age in seconds of the oldest pending event; 0 when none waits' }) oldestPendingSeconds: number;
}
