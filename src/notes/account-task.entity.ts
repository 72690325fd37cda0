import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StaffUser } from '../users/staff-user.entity';

@Entity('account_tasks')
export class AccountTask {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'account_id', unsigned: true }) accountId: number;
  @Column({ length: 200 }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'assigned_user_id', type: 'int', unsigned: true, nullable: true }) assignedUserId: number | null;
  /** A calendar day (YYYY-MM-DD), not an instant: it means the same date in every time zone. */
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate: string | null;
  @Column({ name: 'completed_at', type: 'datetime', precision: 3, nullable: true }) completedAt: Date | null;
  @Column({ name: 'completed_by_user_id', type: 'int', unsigned: true, nullable: true }) completedByUserId: number | null;
  @Column({ name: 'created_by_user_id', unsigned: true }) createdByUserId: number;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;

  @ManyToOne(() => StaffUser) @JoinColumn({ name: 'assigned_user_id' }) assignedUser?: StaffUser | null;
  @ManyToOne(() => StaffUser) @JoinColumn({ name: 'completed_by_user_id' }) completedBy?: StaffUser | null;
}
