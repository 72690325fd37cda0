/** Named permissions; roles are sets of these. New domains add theirs here. */
export enum Permission {
  UsersRead = 'users.read',
  UsersManage = 'users.manage',
  RolesRead = 'roles.read',
  RolesManage = 'roles.manage',
  AuditRead = 'audit.read',
  AuditExport = 'audit.export',
  SystemMetrics = 'system.metrics',
  AccountsRead = 'accounts.read',
  AccountsManage = 'accounts.manage',
  AccountsConfigure = 'accounts.configure',
  AccountsDisconnect = 'accounts.disconnect',
  BillingRead = 'billing.read',
  BillingManage = 'billing.manage',
  BillingVoid = 'billing.void',
  BillingProrationOverride = 'billing.proration_override',
  BillingChildAccounts = 'billing.child_accounts',
  BillingConfigure = 'billing.configure',
}

export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  [Permission.UsersRead]: 'See staff users',
  [Permission.UsersManage]: 'Create, edit and deactivate staff users',
  [Permission.RolesRead]: 'See roles and their permissions',
  [Permission.RolesManage]: 'Create, edit and delete roles',
  [Permission.AuditRead]: 'Read the action and view history',
  [Permission.AuditExport]: 'Export the action history as CSV',
  [Permission.SystemMetrics]: 'Scrape Prometheus metrics',
  [Permission.AccountsRead]: 'Open accounts and see their contacts, notes, tasks, files and logs',
  [Permission.AccountsManage]: 'Create and edit accounts, contacts, notes, tasks and files',
  [Permission.AccountsConfigure]: 'Define account types, statuses, groups, custom fields and message categories',
  [Permission.AccountsDisconnect]: 'Disconnect accounts: end their services, send the final invoice and set the disconnected status',
  [Permission.BillingRead]: "See an account's invoices, transactions, services, billing configuration and taxes",
  [Permission.BillingManage]: 'Add and remove services, create invoices, take payments, apply credits and change billing overrides',
  [Permission.BillingVoid]: 'Void invoices and credits, reverse debits and delete manual invoices',
  [Permission.BillingProrationOverride]: 'Choose whether a service added to or removed from an account is prorated',
  [Permission.BillingChildAccounts]: 'Link and unlink child accounts and their invoices',
  [Permission.BillingConfigure]: 'Define services, packages, taxes, tax zones, billing settings and close accounting periods',
};

export const ALL_PERMISSIONS = Object.values(Permission);
