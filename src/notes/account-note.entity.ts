import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StaffUser } from '../users/staff-user.entity';

@Entity('account_notes')
export class AccountNote {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'account_id', unsigned: true }) accountId: number;
  @Column({ name: 'author_user_id', unsigned: true }) authorUserId: number;
  @Column({ type: 'text' }) body: string;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;

  @ManyToOne(() => StaffUser) @JoinColumn({ name: 'author_user_id' }) author?: StaffUser;
}
