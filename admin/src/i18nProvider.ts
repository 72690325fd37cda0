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
};

/**
 * react-admin's English, with notices that say what was saved ("Account created") where its
 * default says "Element created": it looks for `resources.<name>.notifications.<event>` first.
 */
const resources = Object.fromEntries(
  Object.entries(RECORD_NAMES).map(([resource, name]) => [
    resource,
    {
      notifications: {
        created: `${name} created`,
        updated: `${name} updated`,
        deleted: `${name} deleted |||| %{smart_count} ${name.toLowerCase()} records deleted`,
      },
    },
  ]),
);

export const i18nProvider = polyglotI18nProvider(() => ({ ...englishMessages, resources }), 'en', { allowMissing: true });
