import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A configurable status; billing reads countsAsActive and isDelinquency. */
@Entity('account_statuses')
export class AccountStatus {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 80 }) name: string;
  @Column({ name: 'counts_as_active', type: 'boolean', default: true }) countsAsActive: boolean;
  @Column({ name: 'is_delinquency', type: 'boolean', default: false }) isDelinquency: boolean;
  @Column({ type: 'char', length: 7, default: '#607d8b' }) color: string;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;
}
