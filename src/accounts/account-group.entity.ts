import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('account_groups')
export class AccountGroup {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 80 }) name: string;
  @Column({ length: 255, default: '' }) description: string;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;
}
