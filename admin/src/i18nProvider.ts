import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';

/** What one record of each resource is called, for the notices after saving or deleting one. */
const RECORD_NAMES: Record<string, string> = {
  accounts: 'Account',
  users: 'User',
  roles: 'Role',
  'account-types': 'Account type',
  'account-statuses': 'Account status',
  'account-groups': 'Account group',
  'message-categories': 'Message category',
  'message-templates': 'Message template',
  'custom-fields': 'Custom field',
  services: 'Service',
  packages: 'Package',
  'tax-types': 'Tax type',
  taxes: 'Tax',
  'tax-zones': 'Tax zone',
  contacts: 'Contact',
  'account-notes': 'Note',
  'account-tasks': 'Task',
  'account-files': 'File',
  invoices: 'Invoice',
  'account-services': 'Service',
  'ip-supernets': 'Supernet',
  'ip-subnets': 'Subnet',
  'ip-pools': 'Pool',
  'nas-devices': 'NAS device',
  'dhcp-servers': 'DHCP server',
  'address-lists': 'Address list',
  'usage-policies': 'Usage policy',
  'inventory-items': 'Inventory item',
  'inventory-models': 'Model',
  'inventory-manufacturers': 'Manufacturer',
  'stock-locations': 'Stock location',
  tickets: 'Ticket',
  'ticket-statuses': 'Ticket status',
  'ticket-groups': 'Ticket group',
  'job-types': 'Job type',
  technicians: 'Technician',
  'network-sites': 'Network site',
  'elevation-tiles': 'Elevation tile',
  'voice-rate-plans': 'Rate plan',
  dids: 'Phone number',
};

/**
 * What a record and a list of them are called inside a sentence, one |||| many: an empty
 * list reads "No late fees yet." (not "No Late-fees yet.") and a confirmation "Delete tax zone".
 */
const SENTENCE_NAMES: Record<string, string> = {
  accounts: 'account |||| accounts',
  users: 'staff user |||| staff users',
  roles: 'role |||| roles',
  'action-history': 'action |||| actions',
  'view-history': 'view |||| views',
  'account-types': 'account type |||| account types',
  'account-statuses': 'account status |||| account statuses',
  'account-groups': 'account group |||| account groups',
  'message-categories': 'message category |||| message categories',
  'message-templates': 'message template |||| message templates',
  'custom-fields': 'custom field |||| custom fields',
  services: 'service |||| services',
  packages: 'package |||| packages',
  'tax-types': 'tax type |||| tax types',
  taxes: 'tax |||| taxes',
  'tax-zones': 'tax zone |||| tax zones',
  'bill-runs': 'bill run |||| bill runs',
  'autopay-runs': 'autopay run |||| autopay runs',
  'nightly-runs': 'nightly run |||| nightly runs',
  'webhook-events': 'processor event |||| processor events',
  invoices: 'invoice |||| invoices',
  payments: 'payment |||| payments',
  'late-fees': 'late fee |||| late fees',
  emails: 'email |||| email',
  'ip-supernets': 'supernet |||| supernets',
  'ip-subnets': 'subnet |||| subnets',
  'ip-pools': 'IP pool |||| IP pools',
  'nas-devices': 'NAS device |||| NAS devices',
  'dhcp-servers': 'DHCP server |||| DHCP servers',
  'address-lists': 'address list |||| address lists',
  'usage-policies': 'usage policy |||| usage policies',
  'network-reconciliations': 'network reconciliation |||| network reconciliations',
  'inventory-items': 'inventory item |||| inventory items',
  'inventory-models': 'model |||| models',
  'inventory-manufacturers': 'manufacturer |||| manufacturers',
  'stock-locations': 'stock location |||| stock locations',
  tickets: 'ticket |||| tickets',
  'ticket-statuses': 'ticket status |||| ticket statuses',
  'ticket-groups': 'ticket group |||| ticket groups',
  'job-types': 'job type |||| job types',
  technicians: 'technician |||| technicians',
  'network-sites': 'network site |||| network sites',
  'elevation-tiles': 'elevation tile |||| elevation tiles',
  'voice-rate-plans': 'rate plan |||| rate plans',
  dids: 'phone number |||| phone numbers',
  'voice-cdr-files': 'CDR file |||| CDR files',
  'voice-cdr-rejects': 'rejected line |||| rejected lines',
};

/**
 * react-admin's English, with notices that say what was saved ("Account created") where its
 * default says "Element created": it looks for `resources.<name>.notifications.<event>` first.
 */
const resources = Object.fromEntries(
  [...new Set([...Object.keys(RECORD_NAMES), ...Object.keys(SENTENCE_NAMES)])].map((resource) => {
    const name = RECORD_NAMES[resource];
    return [
      resource,
      {
        ...(SENTENCE_NAMES[resource] ? { forcedCaseName: SENTENCE_NAMES[resource] } : {}),
        ...(name
          ? {
              notifications: {
                created: `${name} created`,
                updated: `${name} updated`,
                deleted: `${name} deleted |||| %{smart_count} ${name.toLowerCase()} records deleted`,
              },
            }
          : {}),
      },
    ];
  }),
);

export const i18nProvider = polyglotI18nProvider(() => ({ ...englishMessages, resources }), 'en', { allowMissing: true });
