/**
 * Which domain folder owns each table and view. Only the owner writes its tables;
 * another domain that needs a change calls one of the owner's methods that take the
 * caller's EntityManager, so the change joins the caller's transaction and the rule it
 * carries is written once. A table marked `shared` may be read by other domains (in
 * SQL or through its entity); the others are the owner's own business, and a rule read
 * from them elsewhere goes through a fragment the owner exports (for example
 * EFFECTIVE_SETTINGS_VIEW, serviceOwesCondition, UNINVOICED_CHARGE_CONDITION).
 *
 * test/architecture/architecture.spec.ts holds the code to this map; a new table is
 * added here in the same change as its migration.
 */
export const TABLE_OWNERS = {
  accounts: { owner: 'accounts', shared: true },
  account_types: { owner: 'accounts', shared: true },
  account_statuses: { owner: 'accounts', shared: true },
  account_groups: { owner: 'accounts', shared: true },
  account_group_members: { owner: 'accounts', shared: true },
  account_search: { owner: 'accounts' },

  action_history: { owner: 'audit' },
  view_history: { owner: 'audit' },
  audit_exports: { owner: 'audit' },

  staff_users: { owner: 'users', shared: true },
  roles: { owner: 'users' },
  role_permissions: { owner: 'users' },
  staff_user_roles: { owner: 'users' },
  staff_sessions: { owner: 'users' },
  login_throttles: { owner: 'users' },

  contacts: { owner: 'contacts', shared: true },
  contact_phones: { owner: 'contacts', shared: true },
  contact_message_categories: { owner: 'contacts', shared: true },
  message_categories: { owner: 'contacts', shared: true },

  custom_fields: { owner: 'custom-fields', shared: true },
  custom_field_values: { owner: 'custom-fields', shared: true },

  account_notes: { owner: 'notes' },
  account_tasks: { owner: 'notes' },
  account_files: { owner: 'files' },
  call_logs: { owner: 'call-logs' },
  call_log_ticket_requests: { owner: 'call-logs' },

  taxes: { owner: 'taxes', shared: true },
  tax_types: { owner: 'taxes' },
  tax_zones: { owner: 'taxes' },
  account_tax_overrides: { owner: 'taxes' },

  services: { owner: 'catalog', shared: true },
  service_taxes: { owner: 'catalog' },
  packages: { owner: 'catalog' },
  package_services: { owner: 'catalog', shared: true },

  billing_settings: { owner: 'billing-config' },
  effective_billing_settings: { owner: 'billing-config' },
  accounting_period: { owner: 'billing-config' },
  delinquency_exclusion_dates: { owner: 'billing-config' },

  invoices: { owner: 'billing', shared: true },
  transactions: { owner: 'billing', shared: true },
  transaction_taxes: { owner: 'billing' },
  credit_applications: { owner: 'billing' },
  account_services: { owner: 'billing', shared: true },
  invoice_number_counter: { owner: 'billing' },
  invoice_number_withdrawals: { owner: 'billing' },

  late_fees: { owner: 'delinquency' },
  account_delinquency: { owner: 'delinquency' },
  nightly_runs: { owner: 'nightly' },

  bill_runs: { owner: 'bill-runs' },
  bill_run_batches: { owner: 'bill-runs' },
  bill_run_failures: { owner: 'bill-runs' },
  bill_run_parked: { owner: 'bill-runs' },

  account_disconnections: { owner: 'disconnection' },
  scheduled_events: { owner: 'scheduled-events' },

  processor_payments: { owner: 'payments', shared: true },
  processor_refunds: { owner: 'payments' },
  processor_disputes: { owner: 'payments' },
  payment_methods: { owner: 'payments', shared: true },
  stripe_customers: { owner: 'payments' },
  webhook_events: { owner: 'webhooks' },
  autopay_runs: { owner: 'autopay' },
  autopay_attempts: { owner: 'autopay' },

  emails: { owner: 'email', shared: true },
  email_attachments: { owner: 'email' },
  message_templates: { owner: 'correspondence-templates' },

  contract_templates: { owner: 'contracts' },
  contracts: { owner: 'contracts' },
  contract_documents: { owner: 'contracts' },
  contract_signing_requests: { owner: 'contracts' },
  contract_signing_links: { owner: 'contracts' },

  ip_plan_lock: { owner: 'ipam' },
  ip_supernets: { owner: 'ipam', shared: true },
  ip_subnets: { owner: 'ipam', shared: true },
  ip_pools: { owner: 'ipam', shared: true },
  ip_assignments: { owner: 'ipam', shared: true },
  ip_address_holds: { owner: 'ipam' },
  ip_pool_released: { owner: 'ipam' },

  radius_accounts: { owner: 'radius', shared: true },
  nas_devices: { owner: 'radius', shared: true },

  network_sync_requests: { owner: 'network-sync' },
  network_reconciliations: { owner: 'network-sync' },
  session_enforcement_settings: { owner: 'network-sync' },
  session_enforcement_accounts: { owner: 'network-sync' },
  session_enforcement_requests: { owner: 'network-sync' },

  usage_sessions: { owner: 'usage', shared: true },
  usage_hours: { owner: 'usage', shared: true },
  usage_ingestion: { owner: 'usage' },
  usage_policies: { owner: 'usage', shared: true },
  usage_policy_free_windows: { owner: 'usage' },
  usage_adjustments: { owner: 'usage' },
  usage_top_offs: { owner: 'usage', shared: true },
  usage_settlements: { owner: 'usage', shared: true },
  usage_cap_headroom: { owner: 'usage' },

  uninventoried_macs: { owner: 'ipam', shared: true },

  inventory_manufacturers: { owner: 'inventory', shared: true },
  inventory_models: { owner: 'inventory', shared: true },
  inventory_model_fields: { owner: 'inventory', shared: true },
  stock_locations: { owner: 'inventory', shared: true },
  inventory_items: { owner: 'inventory', shared: true },
  inventory_item_field_values: { owner: 'inventory', shared: true },
  inventory_macs: { owner: 'inventory', shared: true },
  inventory_connected_devices: { owner: 'inventory', shared: true },

  address_lists: { owner: 'address-lists' },
  address_list_statuses: { owner: 'address-lists' },

  dhcp_servers: { owner: 'dhcp', shared: true },
  ip_subnet_dhcp_servers: { owner: 'dhcp', shared: true },

  ticket_statuses: { owner: 'tickets', shared: true },
  ticket_groups: { owner: 'tickets', shared: true },
  ticket_group_members: { owner: 'tickets', shared: true },
  tickets: { owner: 'tickets', shared: true },
  ticket_recipients: { owner: 'tickets' },
  ticket_messages: { owner: 'tickets' },
  ticket_message_emails: { owner: 'tickets' },
  ticket_attachments: { owner: 'tickets' },
  ticket_links: { owner: 'tickets', shared: true },

  ticket_business_hours: { owner: 'ticket-deadlines' },
  ticket_holidays: { owner: 'ticket-deadlines' },
  ticket_deadline_targets: { owner: 'ticket-deadlines' },
  ticket_deadlines: { owner: 'ticket-deadlines', shared: true },
  ticket_deadline_breaches: { owner: 'ticket-deadlines', shared: true },

  inbound_mailboxes: { owner: 'inbound-mail' },
  inbound_messages: { owner: 'inbound-mail', shared: true },

  job_types: { owner: 'jobs', shared: true },
  technicians: { owner: 'jobs', shared: true },
  job_settings: { owner: 'jobs' },
  jobs: { owner: 'jobs', shared: true },
  job_technicians: { owner: 'jobs', shared: true },
  job_attachments: { owner: 'jobs' },

  network_sites: { owner: 'elevation', shared: true },
  elevation_tiles: { owner: 'elevation' },
  elevation_profile_cache: { owner: 'elevation' },

  voice_rate_plans: { owner: 'voice', shared: true },
  voice_rates: { owner: 'voice' },
  dids: { owner: 'voice', shared: true },
  did_assignments: { owner: 'voice' },
  voice_cdr_files: { owner: 'voice' },
  voice_calls: { owner: 'voice', shared: true },
  voice_cdr_rejects: { owner: 'voice' },
  voice_settlements: { owner: 'voice', shared: true },
} as const satisfies Record<string, { owner: string; shared?: true }>;

export type TableName = keyof typeof TABLE_OWNERS;
