import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A family of taxes (sales tax, telecom surcharge) that invoices and reports group by. */
@Entity('tax_types')
export class TaxType {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 80 }) name: string;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;
}
