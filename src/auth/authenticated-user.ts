import type { Permission } from './permission';

export interface AuthenticatedUser {
  id: number;
  email: string;
  name: string;
  permissions: ReadonlySet<Permission>;
}
