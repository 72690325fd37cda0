import { ApiProperty } from '@nestjs/swagger';

export class AutopayRunSummaryDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: '2026-12-01' }) runDate: string;
  @ApiProperty({ example: 'autopay-run/2026-12-01' }) workflowId: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty() succeeded: number;
  @ApiProperty() processing: number;
  @ApiProperty() failed: number;
  @ApiProperty({ description: 'Minor units charged (succeeded) or submitted (processing bank debits)' }) chargedTotal: number;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
}

export class AutopayAttemptDto {
  @ApiProperty() id: number;
  @ApiProperty() accountId: number;
  @ApiProperty({ example: '2026-12-01' }) date: string;
  @ApiProperty({ description: 'Minor units' }) amount: number;
  @ApiProperty() attempt: number;
  @ApiProperty({ enum: ['charging', 'succeeded', 'processing', 'failed'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: Number }) processorPaymentId: number | null;
}

export class AutopayRunDetailDto extends AutopayRunSummaryDto {
  @ApiProperty({ type: [AutopayAttemptDto] }) attemptList: AutopayAttemptDto[];
}
