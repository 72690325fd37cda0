import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const SERVICE_KINDS = ['recurring', 'one_time', 'data', 'voice', 'adjustment'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Which calls draw on a voice service's included minutes: all of them, or outbound ones only. */
export const INCLUDED_MINUTES_SCOPES = ['all', 'outbound'] as const;
export type IncludedMinutesScope = (typeof INCLUDED_MINUTES_SCOPES)[number];

export const ADJUSTMENT_SIDES = ['debit', 'credit'] as const;
export type AdjustmentSide = (typeof ADJUSTMENT_SIDES)[number];

/** Something the ISP sells, priced in minor units. Its taxes live in service_taxes. */
@Entity('services')
export class BillableService {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 120 }) name: string;
  @Column({ type: 'enum', enum: SERVICE_KINDS }) kind: ServiceKind;
  @Column({ name: 'adjustment_side', type: 'enum', enum: ADJUSTMENT_SIDES, nullable: true }) adjustmentSide: AdjustmentSide | null;
  @Column({ type: 'int', unsigned: true }) price: number;
  @Column({ name: 'download_kbps', type: 'int', unsigned: true, nullable: true }) downloadKbps: number | null;
  @Column({ name: 'upload_kbps', type: 'int', unsigned: true, nullable: true }) uploadKbps: number | null;
  @Column({ name: 'usage_policy_id', type: 'int', unsigned: true, nullable: true }) usagePolicyId: number | null;
  /** Voice services only: the rate plan their calls are priced by, and the minutes each period includes. */
  @Column({ name: 'voice_rate_plan_id', type: 'int', unsigned: true, nullable: true }) voiceRatePlanId: number | null;
  @Column({ name: 'included_minutes', type: 'int', unsigned: true, nullable: true }) includedMinutes: number | null;
  @Column({ name: 'included_minutes_scope', type: 'enum', enum: INCLUDED_MINUTES_SCOPES, nullable: true })
  includedMinutesScope: IncludedMinutesScope | null;
  @Column({ name: 'ledger_code', length: 40 }) ledgerCode: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;
}
