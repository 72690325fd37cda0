import { useGetList } from 'react-admin';
import type { Contact } from '../types';

/**
 * The account's contacts, primary first then by name. One shared query, so the
 * header's email, the primary contact card and the Contacts tab agree.
 */
export const useAccountContacts = (accountId: number | string | undefined) => {
  const result = useGetList<Contact>(
    'contacts',
    { filter: { accountId: Number(accountId) }, pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: accountId !== undefined },
  );
  const contacts = [...(result.data ?? [])].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.name.localeCompare(b.name));
  return { ...result, contacts, primary: contacts.find((contact) => contact.isPrimary) ?? null };
};
