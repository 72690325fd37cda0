import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, ValueTransformer } from 'typeorm';
import {
  BILL_MODES,
  BILL_TIMINGS,
  BILLING_MODES,
  BillingMode,
  BillMode,
  BillTiming,
  DAYS_COUNTED_FROM,
  DaysCountedFrom,
  LATE_FEE_KINDS,
  LateFeeKind,
  maskToWeekdays,
  PRORATION_ROUNDINGS,
  ProrationRounding,
  weekdaysToMask,
} from './billing-settings';

export const SETTING_SCOPES = ['system', 'account_type', 'account'] as const;
export type SettingScope = (typeof SETTING_SCOPES)[number];

const weekdayMask: ValueTransformer = {
  to: (weekdays: number[] | null | undefined) => (weekdays == null ? weekdays : weekdaysToMask(weekdays)),
  from: (mask: number | null) => (mask === null ? null : maskToWeekdays(Number(mask))),
};

/**
 * One level of billing settings: the system row (scope_id 0, every setting filled),
 * an account type's defaults or an account's overrides (NULL = inherit). The generated
 * account_type_id and account_id columns exist for their foreign keys and stay unmapped.
 */
@Entity('billing_settings')
export class BillingSettingsRow {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ type: 'enum', enum: SETTING_SCOPES }) scope: SettingScope;
  @Column({ name: 'scope_id', unsigned: true }) scopeId: number;

  @Column({ name: 'billing_mode', type: 'enum', enum: BILLING_MODES, nullable: true }) billingMode: BillingMode | null;
  @Column({ name: 'bill_day', type: 'tinyint', unsigned: true, nullable: true }) billDay: number | null;
  @Column({ name: 'invoice_day', type: 'tinyint', unsigned: true, nullable: true }) invoiceDay: number | null;
  @Column({ name: 'bill_timing', type: 'enum', enum: BILL_TIMINGS, nullable: true }) billTiming: BillTiming | null;
  @Column({ name: 'autopay_days', type: 'smallint', unsigned: true, nullable: true }) autopayDays: number | null;
  @Column({ name: 'due_days', type: 'smallint', unsigned: true, nullable: true }) dueDays: number | null;
  @Column({ name: 'grace_days', type: 'smallint', unsigned: true, nullable: true }) graceDays: number | null;
  @Column({ name: 'status_switch_days', type: 'smallint', unsigned: true, nullable: true }) statusSwitchDays: number | null;
  @Column({ name: 'days_counted_from', type: 'enum', enum: DAYS_COUNTED_FROM, nullable: true }) daysCountedFrom: DaysCountedFrom | null;
  @Column({ name: 'late_fee_service_id', type: 'int', unsigned: true, nullable: true }) lateFeeServiceId: number | null;
  @Column({ name: 'late_fee_kind', type: 'enum', enum: LATE_FEE_KINDS, nullable: true }) lateFeeKind: LateFeeKind | null;
  @Column({ name: 'late_fee_amount', type: 'int', unsigned: true, nullable: true }) lateFeeAmount: number | null;
  @Column({ name: 'late_fee_rate_e4', type: 'int', unsigned: true, nullable: true }) lateFeeRateE4: number | null;
  @Column({ name: 'late_fee_minimum_overdue', type: 'int', unsigned: true, nullable: true }) lateFeeMinimumOverdue: number | null;
  @Column({ name: 'delinquent_status_id', type: 'int', unsigned: true, nullable: true }) delinquentStatusId: number | null;
  @Column({ name: 'delinquency_weekdays', type: 'tinyint', unsigned: true, nullable: true, transformer: weekdayMask })
  delinquencyWeekdays: number[] | null;
  @Column({ name: 'restore_status_on_payment', type: 'boolean', nullable: true }) restoreStatusOnPayment: boolean | null;
  @Column({ name: 'prorate_services', type: 'boolean', nullable: true }) prorateServices: boolean | null;
  @Column({ name: 'prorate_service_quantity', type: 'boolean', nullable: true }) prorateServiceQuantity: boolean | null;
  @Column({ name: 'prorate_status_change', type: 'boolean', nullable: true }) prorateStatusChange: boolean | null;
  @Column({ name: 'prorate_bill_day_change', type: 'boolean', nullable: true }) prorateBillDayChange: boolean | null;
  @Column({ name: 'proration_rounding', type: 'enum', enum: PRORATION_ROUNDINGS, nullable: true })
  prorationRounding: ProrationRounding | null;
  @Column({ name: 'bill_mode', type: 'enum', enum: BILL_MODES, nullable: true }) billMode: BillMode | null;
  @Column({ name: 'printed_invoice', type: 'boolean', nullable: true }) printedInvoice: boolean | null;
  @Column({ name: 'email_invoices', type: 'boolean', nullable: true }) emailInvoices: boolean | null;
  @Column({ name: 'tax_exempt', type: 'boolean', nullable: true }) taxExempt: boolean | null;
  @Column({ name: 'invoice_message', type: 'varchar', length: 1000, nullable: true }) invoiceMessage: string | null;

  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;
}
