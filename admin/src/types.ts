/** Records as the Backhaul API answers them. Dates are ISO 8601 strings. */

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  active: boolean;
  roleIds: number[];
  lastLoginAt: string | null;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the users forms send: POST /api/users and PUT /api/users/:id. */
export interface StaffUserInput {
  email: string;
  name: string;
  active: boolean;
  roleIds: number[];
  /** Only sent when set; the edit form leaves it blank to keep the current one. */
  password?: string;
}

export interface Role {
  id: number;
  name: string;
  description: string;
  /** Permission ids, e.g. "users.manage". */
  permissions: string[];
  userCount: number;
}

export interface RoleInput {
  name: string;
  description: string;
  permissions: string[];
}

/** GET /api/permissions: the catalogue roles pick from. */
export interface PermissionDefinition {
  id: string;
  description: string;
}

export type AuditState = Record<string, unknown> | null;

export interface ActionHistoryEntry {
  id: number | string;
  actorUserId: number | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: AuditState;
  after: AuditState;
  requestId: string | null;
  createdAt: string;
}

export interface ViewHistoryEntry {
  id: number | string;
  userId: number;
  userEmail: string;
  entityType: string;
  entityId: string;
  viewedAt: string;
}

/** GET /api/auth/me */
export interface Me {
  id: number;
  email: string;
  name: string;
  roles: { id: number; name: string }[];
  permissions: string[];
}

/** The single error body every API route answers with. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; rule: string; message: string }[];
  requestId?: string;
}
