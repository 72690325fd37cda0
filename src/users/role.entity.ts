import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { RolePermission } from './role-permission.entity';

@Entity('roles')
export class Role {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 80 }) name: string;
  @Column({ length: 255, default: '' }) description: string;
  @CreateDateColumn({ name: 'created_at', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 3 }) updatedAt: Date;
  @OneToMany(() => RolePermission, (p) => p.role, { cascade: true }) permissions: RolePermission[];
}
