import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Permission } from '../auth/permission';
import { Role } from './role.entity';

@Entity('role_permissions')
export class RolePermission {
  @PrimaryColumn({ name: 'role_id', unsigned: true }) roleId: number;
  @PrimaryColumn({ type: 'varchar', length: 64 }) permission: Permission;
  @ManyToOne(() => Role, (r) => r.permissions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'role_id' })
  role: Role;
}
