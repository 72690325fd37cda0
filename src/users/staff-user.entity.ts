import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from './role.entity';

@Entity('staff_users')
export class StaffUser {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 254 }) email: string;
  @Column({ length: 120 }) name: string;
  @Column({ name: 'password_hash', length: 255, select: false }) passwordHash: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ name: 'last_login_at', type: 'datetime', precision: 3, nullable: true }) lastLoginAt: Date | null;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;

  @ManyToMany(() => Role)
  @JoinTable({
    name: 'staff_user_roles',
    joinColumn: { name: 'user_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'role_id', referencedColumnName: 'id' },
  })
  roles: Role[];
}
