/** Permission names the panel checks; the API's Permission enum is the source of truth. */
export const Permissions = {
  UsersRead: 'users.read',
  UsersManage: 'users.manage',
  RolesRead: 'roles.read',
  RolesManage: 'roles.manage',
  AuditRead: 'audit.read',
  AuditExport: 'audit.export',
  AccountsRead: 'accounts.read',
  AccountsManage: 'accounts.manage',
  AccountsConfigure: 'accounts.configure',
  AccountsDisconnect: 'accounts.disconnect',
  BillingRead: 'billing.read',
  BillingManage: 'billing.manage',
  BillingVoid: 'billing.void',
  BillingProrationOverride: 'billing.proration_override',
  BillingChildAccounts: 'billing.child_accounts',
  BillingConfigure: 'billing.configure',
  CorrespondenceRead: 'correspondence.read',
  CorrespondenceWrite: 'correspondence.write',
  CorrespondenceConfigure: 'correspondence.configure',
  NightlyRead: 'nightly.read',
  NightlyRun: 'nightly.run',
  WebhooksRead: 'webhooks.read',
  WebhooksDispatch: 'webhooks.dispatch',
  ContractsRead: 'contracts.read',
  ContractsManage: 'contracts.manage',
  ContractsConfigure: 'contracts.configure',
  NetworkRead: 'network.read',
  NetworkManage: 'network.manage',
  NetworkConfigure: 'network.configure',
  TicketsRead: 'tickets.read',
  TicketsWrite: 'tickets.write',
  TicketsConfigure: 'tickets.configure',
  JobsRead: 'jobs.read',
  JobsWrite: 'jobs.write',
  JobsConfigure: 'jobs.configure',
  VoiceRead: 'voice.read',
  VoiceManage: 'voice.manage',
  VoiceConfigure: 'voice.configure',
} as const;

export type PermissionName = (typeof Permissions)[keyof typeof Permissions];

/** `permissions` is what authProvider.getPermissions() resolved to: the identity's permission list. */
export const hasPermission = (permissions: unknown, permission: PermissionName): boolean =>
  Array.isArray(permissions) && permissions.includes(permission);

/** The permission a staff member needs to see each resource in the menu and on the dashboard. */
export const resourcePermissions: Record<string, PermissionName> = {
  accounts: Permissions.AccountsRead,
  users: Permissions.UsersRead,
  roles: Permissions.RolesRead,
  'action-history': Permissions.AuditRead,
  'view-history': Permissions.AuditRead,
  // The configurable lists are readable with accounts.read, but only shown (under Settings) to those who may change them.
  'account-types': Permissions.AccountsConfigure,
  'account-statuses': Permissions.AccountsConfigure,
  'account-groups': Permissions.AccountsConfigure,
  'message-categories': Permissions.AccountsConfigure,
  'custom-fields': Permissions.AccountsConfigure,
  'message-templates': Permissions.CorrespondenceRead,
  // Templates are shown under Settings to those who may write them.
  'contract-templates': Permissions.ContractsConfigure,
  // The catalogue and taxes are readable by billing staff; changing them needs billing.configure.
  services: Permissions.BillingRead,
  packages: Permissions.BillingRead,
  'tax-types': Permissions.BillingRead,
  taxes: Permissions.BillingRead,
  'tax-zones': Permissions.BillingRead,
  'bill-runs': Permissions.BillingRead,
  'nightly-runs': Permissions.NightlyRead,
  invoices: Permissions.BillingRead,
  payments: Permissions.BillingRead,
  'late-fees': Permissions.BillingRead,
  emails: Permissions.CorrespondenceRead,
  'webhook-events': Permissions.WebhooksRead,
  // The address plan, the NAS and DHCP servers and the inventory's catalogue are readable with network.read;
  // changing them needs network.configure, and adding or changing items network.manage.
  'ip-supernets': Permissions.NetworkRead,
  'ip-subnets': Permissions.NetworkRead,
  'ip-pools': Permissions.NetworkRead,
  'nas-devices': Permissions.NetworkRead,
  'dhcp-servers': Permissions.NetworkRead,
  'address-lists': Permissions.NetworkRead,
  // Usage policies go on data services of the catalogue, so they are shown to those who may change it.
  'usage-policies': Permissions.BillingConfigure,
  // Rate plans, phone numbers and switch files are read with voice.read; voice.configure defines plans and numbers, voice.manage imports files.
  'voice-rate-plans': Permissions.VoiceRead,
  dids: Permissions.VoiceRead,
  'voice-cdr-files': Permissions.VoiceRead,
  'voice-cdr-rejects': Permissions.VoiceRead,
  'network-reconciliations': Permissions.NetworkRead,
  'inventory-items': Permissions.NetworkRead,
  'inventory-models': Permissions.NetworkRead,
  'inventory-manufacturers': Permissions.NetworkRead,
  'stock-locations': Permissions.NetworkRead,
  // Network sites and elevation tiles: read with network.read, defined and uploaded with network.configure.
  'network-sites': Permissions.NetworkRead,
  'elevation-tiles': Permissions.NetworkRead,
  // The ticket queue, and the statuses and groups under Settings (read only without tickets.configure).
  tickets: Permissions.TicketsRead,
  'ticket-statuses': Permissions.TicketsRead,
  'ticket-groups': Permissions.TicketsRead,
  // Job types and technicians are readable with jobs.read; changing them needs jobs.configure.
  'job-types': Permissions.JobsRead,
  technicians: Permissions.JobsRead,
};

export const canSeeResource = (permissions: unknown, resource: string): boolean => {
  const required = resourcePermissions[resource];
  return required === undefined || hasPermission(permissions, required);
};
