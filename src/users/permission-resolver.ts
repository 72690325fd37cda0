import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Permission } from '../auth/permission';

/** The union of the permissions of every role a user holds. */
@Injectable()
export class PermissionResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forUser(userId: number): Promise<ReadonlySet<Permission>> {
    const rows: { permission: Permission }[] = await this.db.query(
      `SELECT DISTINCT rp.permission
         FROM staff_user_roles ur
         JOIN role_permissions rp ON rp.role_id = ur.role_id
        WHERE ur.user_id = ?`,
      [userId],
    );
    return new Set(rows.map((r) => r.permission));
  }
}
