import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const TAX_OVERRIDE_KINDS = ['rate', 'exempt'] as const;
export type TaxOverrideKind = (typeof TAX_OVERRIDE_KINDS)[number];

/** One account's exception to one tax: charged at another rate, or not at all. */
@Entity('account_tax_overrides')
export class AccountTaxOverride {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'account_id', unsigned: true }) accountId: number;
  @Column({ name: 'tax_id', unsigned: true }) taxId: number;
  @Column({ type: 'enum', enum: TAX_OVERRIDE_KINDS }) kind: TaxOverrideKind;
  @Column({ name: 'rate_e4', type: 'int', unsigned: true, nullable: true }) rateE4: number | null;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;
}
