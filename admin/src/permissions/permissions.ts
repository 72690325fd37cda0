/** Permission names the panel checks; the API's Permission enum is the source of truth. */
export const Permissions = {
  UsersRead: 'users.read',
  UsersManage: 'users.manage',
  RolesRead: 'roles.read',
  RolesManage: 'roles.manage',
  AuditRead: 'audit.read',
  AuditExport: 'audit.export',
} as const;

export type PermissionName = (typeof Permissions)[keyof typeof Permissions];

/** `permissions` is what authProvider.getPermissions() resolved to: the identity's permission list. */
export const hasPermission = (permissions: unknown, permission: PermissionName): boolean =>
  Array.isArray(permissions) && permissions.includes(permission);

/** The permission a staff member needs to see each resource in the menu and on the dashboard. */
export const resourcePermissions: Record<string, PermissionName> = {
  users: Permissions.UsersRead,
  roles: Permissions.RolesRead,
  'action-history': Permissions.AuditRead,
  'view-history': Permissions.AuditRead,
};

export const canSeeResource = (permissions: unknown, resource: string): boolean => {
  const required = resourcePermissions[resource];
  return required === undefined || hasPermission(permissions, required);
};
