import { ApiProperty } from '@nestjs/swagger';

const RUN_STATUSES = ['running', 'completed', 'failed'];

export class BillRunSummaryDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: '2026-12-01' }) runDate: string;
  @ApiProperty({ example: 'bill-run/2026-12-01' }) workflowId: string;
  @ApiProperty({ enum: RUN_STATUSES }) status: string;
  @ApiProperty() accounts: number;
  @ApiProperty() invoices: number;
  @ApiProperty({ description: 'Minor units' }) invoicedTotal: number;
  @ApiProperty() failures: number;
  @ApiProperty({ description: 'Accounts not invoiced because their invoice broke a safety bound' }) parked: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Accounts due when the run planned its batches; null until it has' })
  plannedAccounts: number | null;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt: string | null;
}

export class BillRunProgressDto {
  @ApiProperty({ example: '2026-12-01' }) date: string;
  @ApiProperty() batches: number;
  @ApiProperty() accounts: number;
  @ApiProperty() invoices: number;
  @ApiProperty({ description: 'Minor units' }) invoicedTotal: number;
  @ApiProperty() failures: number;
  @ApiProperty({ required: false, description: 'Absent in runs from before parking' }) parked?: number;
  @ApiProperty({ required: false }) plannedAccounts?: number;
  @ApiProperty({ required: false, description: 'Batches kept in flight now' }) lanes?: number;
  @ApiProperty() done: boolean;
}

export class BillRunFailureDto {
  @ApiProperty() accountId: number;
  @ApiProperty() reason: string;
}

export class ParkedAccountDto {
  @ApiProperty() id: number;
  @ApiProperty() billRunId: number;
  @ApiProperty({ example: '2026-12-01' }) runDate: string;
  @ApiProperty() accountId: number;
  @ApiProperty() accountName: string;
  @ApiProperty({ enum: ['unexplained_charges', 'negative_total', 'spike'] }) rule: string;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'What the invoice would have totalled, minor units' }) total: number;
  @ApiProperty({ nullable: true, type: Number, description: "The account's usual invoice total, minor units" }) usualTotal: number | null;
  @ApiProperty({ enum: ['parked', 'released', 'dismissed'] }) status: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The invoice made when released' }) invoiceId: number | null;
  @ApiProperty({ nullable: true, type: Number }) resolvedBy: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class BillRunWorkerShareDto {
  @ApiProperty({ nullable: true, type: String, description: 'null for batches from before workers were recorded' }) worker: string | null;
  @ApiProperty() batches: number;
  @ApiProperty() accounts: number;
}

export class BillRunDetailDto extends BillRunSummaryDto {
  @ApiProperty({ type: BillRunProgressDto, nullable: true, description: "The workflow's progress while it runs" })
  progress: BillRunProgressDto | null;
  @ApiProperty({ type: [BillRunFailureDto] }) failureList: BillRunFailureDto[];
  @ApiProperty({ type: [ParkedAccountDto] }) parkedList: ParkedAccountDto[];
  @ApiProperty({ type: [BillRunWorkerShareDto] }) workers: BillRunWorkerShareDto[];
}
