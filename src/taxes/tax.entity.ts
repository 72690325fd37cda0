import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TaxType } from './tax-type.entity';

/** Percent × 10 000, so 8.25 % is 82 500 and 100 % is 1 000 000. */
export const MAX_RATE_E4 = 1_000_000;

/** A tax charged on the services that carry it; with zones it applies only inside them. */
@Entity('taxes')
export class Tax {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 100 }) name: string;
  @Column({ name: 'tax_type_id', unsigned: true }) taxTypeId: number;
  @Column({ name: 'rate_e4', type: 'int', unsigned: true }) rateE4: number;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;

  @ManyToOne(() => TaxType) @JoinColumn({ name: 'tax_type_id' }) taxType: TaxType;
}
