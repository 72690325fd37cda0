import { usePermissions } from 'react-admin';
import { hasPermission, type PermissionName } from './permissions';

/** False while permissions load, so guarded controls appear rather than flash away. */
export const useHasPermission = (permission: PermissionName): boolean => {
  const { permissions } = usePermissions<string[]>();
  return hasPermission(permissions, permission);
};
