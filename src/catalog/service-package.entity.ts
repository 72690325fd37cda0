import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A bundle of recurring services sold together; its items live in package_services. */
@Entity('packages')
export class ServicePackage {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 120 }) name: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;
}
