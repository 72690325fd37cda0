import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsOptional } from 'class-validator';

export const RECONCILIATION_SORTABLE = ['id', 'startedAt'] as const;
export type ReconciliationSortField = (typeof RECONCILIATION_SORTABLE)[number];

export class NetworkReconciliationFilterDto {
  @ApiPropertyOptional({ type: [Number], description: 'These reconciliations only' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  id?: number[];
}

export class ReconciliationReportDto {
  @ApiProperty({ type: [String], description: 'Rows of FreeRADIUS added and removed, in words (never a password)' }) radius: string[];
  @ApiProperty({ type: [String], description: 'Clients of FreeRADIUS’s nas table added and removed' }) nas: string[];
  @ApiProperty({ type: [String], description: 'Subnets and reservations of the DHCP servers added and removed' }) dhcp: string[];
  @ApiProperty({ description: 'Accounts and DHCP servers whose pending changes had never been handed to their run' }) handedOver: number;
  @ApiProperty({ type: [String], description: 'What was not compared, and why' }) skipped: string[];
}

export class ReconciliationRepairDto {
  @ApiProperty({ example: 'FreeRADIUS', description: 'FreeRADIUS, or the DHCP server by its name' }) server: string;
  @ApiProperty({ example: 'erin: Framed-IP-Address was 10.9.9.9', description: 'What the server held that Backhaul does not, or lacked' })
  found: string;
  @ApiProperty({ example: 'Set to 100.70.0.10', description: 'What the reconciliation changed on the server' }) done: string;
}

export class RepairCountsDto {
  @ApiProperty({ description: 'Rows of FreeRADIUS repaired' }) radius: number;
  @ApiProperty({ description: 'NAS clients repaired' }) nas: number;
  @ApiProperty({ description: 'Subnets and reservations of the DHCP servers repaired' }) dhcp: number;
}

export class ReconciliationRequesterDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class NetworkReconciliationSummaryDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: 'running' | 'completed' | 'failed';
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The night it ran for; null when staff asked for it' })
  nightOf: string | null;
  @ApiProperty({ nullable: true, type: ReconciliationRequesterDto, description: 'Who asked for it; null for the nightly one' })
  requestedBy: ReconciliationRequesterDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt: string | null;
  @ApiProperty({ description: 'Rows and reservations repaired' }) repairs: number;
  @ApiProperty({ type: RepairCountsDto }) repairCounts: RepairCountsDto;
  @ApiProperty({ nullable: true, type: String, description: 'Why it failed, when it did' }) error: string | null;
}

export class NetworkReconciliationDto extends NetworkReconciliationSummaryDto {
  @ApiProperty({ nullable: true, type: ReconciliationReportDto, description: 'Null while it runs, and when it failed' })
  report: ReconciliationReportDto | null;
  @ApiProperty({ type: [ReconciliationRepairDto], description: 'The report as repairs: the server, what was wrong, what was changed' })
  repairList: ReconciliationRepairDto[];
  @ApiPropertyOptional({ description: 'The Temporal workflow running it, when staff asked for it' }) workflowId?: string;
}
