import { ApiProperty } from '@nestjs/swagger';
import { AGING_BUCKETS } from '../../billing/receivables-aging';

export class StatusFigureDto {
  @ApiProperty() accountStatusId: number;
  @ApiProperty() name: string;
  @ApiProperty({ example: '#4caf50' }) color: string;
  @ApiProperty({ description: 'The status is one delinquency gives' }) delinquency: boolean;
  @ApiProperty() accounts: number;
}

export class AccountFiguresDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [StatusFigureDto], description: 'Every status, in name order' }) byStatus: StatusFigureDto[];
  @ApiProperty({ description: 'Accounts whose status is a delinquency status' }) delinquent: number;
}

export class RecurringRevenueDto {
  @ApiProperty({ description: 'Recurring charges for one period (before taxes) of every service on an account today, minor units' })
  monthly: number;
  @ApiProperty({ description: 'The same on the last day of the previous month, minor units' }) previousMonth: number;
  @ApiProperty({ description: 'monthly less previousMonth, minor units' }) change: number;
  @ApiProperty({ example: '2026-11-30' }) previousMonthEnd: string;
}

export class AgingBucketDto {
  @ApiProperty({ enum: AGING_BUCKETS }) bucket: string;
  @ApiProperty({ description: 'Open invoices in the bucket' }) invoices: number;
  @ApiProperty({ description: 'Still owed on them, minor units' }) owed: number;
}

export class MonthFigureDto {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ description: 'Total of invoices dated in the month, void ones left out, minor units' }) invoiced: number;
  @ApiProperty({ description: 'Payments received in the month and not reversed, minor units' }) paid: number;
}

export class LastBillRunDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: '2026-12-01' }) runDate: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ description: 'Accounts the run has handled so far' }) accounts: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Accounts due when it planned its batches' }) plannedAccounts: number | null;
  @ApiProperty() invoices: number;
  @ApiProperty({ description: 'Minor units' }) invoicedTotal: number;
  @ApiProperty() failures: number;
  @ApiProperty({ description: 'Accounts held back because their invoice broke a safety bound' }) parked: number;
}

export class NextBillRunDto {
  @ApiProperty({ example: '2026-12-02' }) runDate: string;
  @ApiProperty({ description: 'Accounts due on that date as things stand now' }) dueAccounts: number;
}

export class AutopayDeclineDto {
  @ApiProperty() reason: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ description: 'Minor units' }) amount: number;
}

export class AutopayTodayDto {
  @ApiProperty({ example: '2026-12-02' }) date: string;
  @ApiProperty({ nullable: true, type: Number, description: 'The run for today; null before it starts' }) runId: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['running', 'completed', 'failed'] }) status: string | null;
  @ApiProperty({ description: 'Charges that succeeded or were submitted (bank debits in flight)' }) charged: number;
  @ApiProperty({ description: 'Minor units' }) chargedTotal: number;
  @ApiProperty() declined: number;
  @ApiProperty({ description: 'Minor units' }) declinedTotal: number;
  @ApiProperty({ type: [AutopayDeclineDto], description: 'Declines by reason, most frequent first' }) declines: AutopayDeclineDto[];
}

export class LateFeesDto {
  @ApiProperty({ example: '2026-12-01' }) from: string;
  @ApiProperty({ example: '2026-12-02' }) to: string;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'With tax, minor units' }) total: number;
}

export class EmailFiguresDto {
  @ApiProperty({ description: 'Waiting for the mail relay' }) queued: number;
  @ApiProperty({ description: 'Refused by the relay, or not accepted in time' }) rejected: number;
}

export class DashboardDto {
  @ApiProperty({ example: '2026-12-02', description: 'The billing day the figures are for' }) today: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ type: AccountFiguresDto }) accounts: AccountFiguresDto;
  @ApiProperty({ type: RecurringRevenueDto }) recurringRevenue: RecurringRevenueDto;
  @ApiProperty({ description: 'Owed on all open invoices, minor units (the sum of the aging buckets)' }) receivables: number;
  @ApiProperty({ type: [AgingBucketDto], description: 'Every bucket, youngest first' }) aging: AgingBucketDto[];
  @ApiProperty({ type: [MonthFigureDto], description: 'The last twelve months, oldest first, this month included' })
  months: MonthFigureDto[];
  @ApiProperty({ type: LastBillRunDto, nullable: true }) lastBillRun: LastBillRunDto | null;
  @ApiProperty({ type: AutopayTodayDto }) autopayToday: AutopayTodayDto;
  @ApiProperty({ type: LateFeesDto, description: 'Late fees charged this month so far' }) lateFees: LateFeesDto;
  @ApiProperty({ type: EmailFiguresDto }) emails: EmailFiguresDto;
}
