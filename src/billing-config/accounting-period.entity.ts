import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The one row (id 1) holding how far the books are closed, for the whole instance. */
@Entity('accounting_period')
export class AccountingPeriod {
  @PrimaryColumn({ type: 'tinyint', unsigned: true }) id: number;
  @Column({ name: 'close_date', type: 'date', utc: true, nullable: true }) closeDate: string | null;
  @Column({ name: 'auto_close', type: 'boolean' }) autoClose: boolean;
  @Column({ name: 'auto_close_after_days', type: 'smallint', unsigned: true }) autoCloseAfterDays: number;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;
}
