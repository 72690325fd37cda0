import type { Role, RoleInput } from '../types';

/** Sends only the editable fields; the API rejects unknown ones such as userCount. */
export const toRolePayload = (data: Partial<Role>): RoleInput => ({
  name: data.name ?? '',
  description: data.description ?? '',
  permissions: data.permissions ?? [],
});
