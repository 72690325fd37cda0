import { Permission } from '../auth/permission';

/**
 * A user's permissions are the union of those of every role the user holds.
 *
 * The permissions of the user whose id is in `userIdColumn`, as one JSON array column (a
 * permission two roles share appears twice), for a query that reads the user anyway: the
 * session check on every request reads the user and its permissions in one round trip.
 */
export const permissionsColumn = (userIdColumn: string): string =>
  `(SELECT JSON_ARRAYAGG(rp.permission) FROM staff_user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id
     WHERE ur.user_id = ${userIdColumn})`;

/** The set a permissionsColumn() holds; MariaDB answers JSON as text, MySQL as a parsed value. */
export function permissionSet(column: unknown): ReadonlySet<Permission> {
  if (column === null || column === undefined) return new Set();
  return new Set((typeof column === 'string' ? JSON.parse(column) : column) as Permission[]);
}
