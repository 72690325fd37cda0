import { ApiProperty } from '@nestjs/swagger';

export const DEADLINE_KINDS = ['first_response', 'resolution'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export class TicketDeadlineBreachDto {
  @ApiProperty({ enum: DEADLINE_KINDS }) kind: DeadlineKind;
  @ApiProperty() dueAt: Date;
  @ApiProperty() breachedAt: Date;
  @ApiProperty() priorityRaised: boolean;
  @ApiProperty({ description: 'Staff users emailed about it' }) notifiedUsers: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The task left on the account' }) accountTaskId: number | null;
}

export class TicketDeadlineStateDto {
  @ApiProperty() ticketId: number;
  @ApiProperty({ nullable: true, type: Date, description: 'When the first public reply is due; null once given, or with no target' })
  firstResponseDueAt: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'When the ticket is due closed; null once closed, or with no target' })
  resolutionDueAt: Date | null;
  @ApiProperty({ type: [TicketDeadlineBreachDto] }) breaches: TicketDeadlineBreachDto[];
}

export class TicketDeadlineReconciliationDto {
  @ApiProperty({ description: 'Open tickets looked at' }) openTickets: number;
  @ApiProperty({ description: 'Timers started for open tickets that had none' }) started: number;
}
