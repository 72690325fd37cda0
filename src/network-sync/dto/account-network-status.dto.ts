import { ApiProperty } from '@nestjs/swagger';

export const NETWORK_STATES = ['in_step', 'applying', 'waiting_for_server', 'not_started', 'unknown'] as const;
export type NetworkState = (typeof NETWORK_STATES)[number];

export const RUN_STATES = ['idle', 'running', 'unknown'] as const;
export type RunState = (typeof RUN_STATES)[number];

export class PendingNetworkChangeDto {
  @ApiProperty({ example: 'ip_assignment.create', description: 'The change, as the action history names it' }) reason: string;
  @ApiProperty({ example: 'IP address assigned', description: 'The change in words' }) description: string;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt: string;
}

export class AppliedNetworkChangeDto extends PendingNetworkChangeDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'When a provisioning pass wrote it to the servers' }) appliedAt: string;
}

export class NetworkSyncRunDto {
  @ApiProperty({
    enum: RUN_STATES,
    description: 'idle: no provisioning run is open (the next change starts one); running; unknown: Temporal did not answer',
  })
  state: RunState;
  @ApiProperty({ example: 'network-sync/42' }) workflowId: string;
  @ApiProperty({ type: [String], description: 'Changes signalled to the run and waiting for its next pass' }) waiting: string[];
  @ApiProperty({ type: [String], description: 'Changes the pass in progress (or being retried) applies' }) applying: string[];
  @ApiProperty({ description: 'Passes the run has made' }) passes: number;
  @ApiProperty({ description: 'Tries of the pass in progress; above 1 while a server does not answer' }) attempt: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why the last try of the pass in progress failed, e.g. the RADIUS server not answering; or why Temporal did not answer',
  })
  failure: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'FreeRADIUS',
    description: 'The server the pass waits for, when its failure names one',
  })
  waitingFor: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the pass is tried again' }) nextAttemptAt:
    string | null;
}

export class AccountNetworkStatusDto {
  @ApiProperty() accountId: number;
  @ApiProperty({
    enum: NETWORK_STATES,
    description:
      'in_step: nothing pending; applying: a pass is writing the pending changes; waiting_for_server: the pass is retried while a server does not answer; not_started: changes have been pending for more than ten seconds and no run is open to take them (Sync now, or the next reconciliation, hands them over); unknown: Temporal did not answer',
  })
  state: NetworkState;
  @ApiProperty({ description: 'Changes not yet applied to the servers' }) pendingCount: number;
  @ApiProperty({ type: [PendingNetworkChangeDto], description: 'The oldest pending changes first, at most 50' })
  pending: PendingNetworkChangeDto[];
  @ApiProperty({ nullable: true, type: AppliedNetworkChangeDto, description: 'The change applied last' })
  lastApplied: AppliedNetworkChangeDto | null;
  @ApiProperty({ type: NetworkSyncRunDto }) run: NetworkSyncRunDto;
}
