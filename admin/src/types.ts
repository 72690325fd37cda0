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

export interface AccountType {
  id: number;
  name: string;
  description: string;
}

export interface AccountStatus {
  id: number;
  name: string;
  countsAsActive: boolean;
  isDelinquency: boolean;
  /** `#rrggbb` */
  color: string;
}

export interface AccountGroup {
  id: number;
  name: string;
  description: string;
}

export interface MessageCategory {
  id: number;
  name: string;
  isDefault: boolean;
}

export const CUSTOM_FIELD_TYPES = ['text', 'integer', 'decimal', 'date', 'boolean', 'select'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomFieldDefinition {
  id: number;
  name: string;
  type: CustomFieldType;
  required: boolean;
  unique: boolean;
  /** A regular expression; text fields only. */
  pattern: string | null;
  /** Choices; select fields only. */
  options: string[] | null;
  position: number;
  active: boolean;
}

export type CustomFieldValue = string | number | boolean | null;

export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  region: string;
  postcode: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  /** Decimal strings with six places, never floats. */
  latitude: string | null;
  longitude: string | null;
}

export interface Account {
  id: number;
  name: string;
  accountTypeId: number;
  accountStatusId: number;
  groupIds: number[];
  parentAccountId: number | null;
  activatedAt: string | null;
  nextBillingDate: string | null;
  serviceAddress: Address;
  mailingAddress: Address | null;
  /** Keyed by custom field id. */
  customFields: Record<string, CustomFieldValue>;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/accounts and PUT /api/accounts/:id. */
export interface AccountInput {
  name: string;
  accountTypeId: number;
  accountStatusId: number;
  groupIds: number[];
  parentAccountId: number | null;
  nextBillingDate?: string | null;
  serviceAddress: Address;
  mailingAddress: Address | null;
  customFields: Record<string, CustomFieldValue>;
}

/** GET /api/accounts/:id/header */
export interface AccountHeader {
  id: number;
  name: string;
  status: { id: number; name: string; color: string; countsAsActive: boolean; isDelinquency: boolean };
  type: { id: number; name: string };
  groups: { id: number; name: string }[];
  location: { formatted: string; latitude: string | null; longitude: string | null } | null;
  primaryContact: { id: number; name: string; email: string | null; mobile: string | null } | null;
  parent: { id: number; name: string } | null;
  children: { count: number; items: { id: number; name: string }[] };
}

/** GET /api/accounts/:id/custom-fields */
export interface AccountCustomFieldValue {
  fieldId: number;
  name: string;
  type: CustomFieldType;
  value: CustomFieldValue;
}

export const SEARCH_MATCHES = ['id', 'name', 'contact', 'email', 'phone', 'address'] as const;

/** GET /api/search?q= */
export interface SearchResult {
  accountId: number;
  name: string;
  matched: (typeof SEARCH_MATCHES)[number];
  status: { name: string; color: string };
}

export const PHONE_TYPES = ['mobile', 'home', 'work', 'fax', 'other'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export interface Phone {
  type: PhoneType;
  /** E.164, e.g. +12175550100 */
  number: string;
  extension: string | null;
}

export interface Contact {
  id: number;
  accountId: number;
  name: string;
  role: string | null;
  email: string | null;
  language: string | null;
  isPrimary: boolean;
  phones: Phone[];
  messageCategoryIds: number[];
  portalUsername: string | null;
  hasPortalPassword: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AccountNote {
  id: number;
  accountId: number;
  authorUserId: number | null;
  authorName: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface AccountTask {
  id: number;
  accountId: number;
  title: string;
  description: string | null;
  assignedUserId: number | null;
  assignedUserName: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  completed: boolean;
  completedAt: string | null;
  completedByUserId: number | null;
  completedByName: string | null;
  createdByUserId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface AccountFile {
  id: number;
  accountId: number;
  name: string;
  sizeBytes: number;
  mimeType: string;
  hasThumbnail: boolean;
  uploadedByUserId: number | null;
  uploadedByName: string | null;
  createdAt: string;
}
