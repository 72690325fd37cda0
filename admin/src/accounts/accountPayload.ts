import type { Account, AccountInput, Address, CustomFieldValue, ServiceAddress } from '../types';

/** Form-only values the account forms carry beside the record. */
export interface AccountFormValues extends Partial<Omit<Account, 'serviceAddress' | 'mailingAddress' | 'customFields'>> {
  serviceAddress?: Partial<ServiceAddress> | null;
  mailingAddress?: Partial<Address> | null;
  hasMailingAddress?: boolean;
  customFields?: Record<string, CustomFieldValue | undefined> | (CustomFieldValue | undefined)[];
}

const blankToNull = (value: string | null | undefined): string | null => {
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' ? null : text;
};

export const toAddress = (address: Partial<Address> | null | undefined): Address => ({
  line1: address?.line1?.trim() ?? '',
  line2: blankToNull(address?.line2),
  city: address?.city?.trim() ?? '',
  region: address?.region?.trim() ?? '',
  postcode: address?.postcode?.trim() ?? '',
  country: (address?.country ?? '').trim().toUpperCase(),
});

/** The service address also carries the location; a mailing address has none. */
export const toServiceAddress = (address: Partial<ServiceAddress> | null | undefined): ServiceAddress => ({
  ...toAddress(address),
  latitude: blankToNull(address?.latitude),
  longitude: blankToNull(address?.longitude),
});

/**
 * `{fieldId: value}`, blanks as null. react-hook-form may hold numeric keys as a
 * sparse array, so both shapes are read.
 */
export const toCustomFieldValues = (values: AccountFormValues['customFields']): Record<string, CustomFieldValue> => {
  const result: Record<string, CustomFieldValue> = {};
  for (const [fieldId, value] of Object.entries(values ?? {})) {
    if (value === undefined) continue;
    result[fieldId] = value === '' ? null : value;
  }
  return result;
};

/** Only the fields the API accepts, in its shapes. The next billing date is not among them: billing works it out. */
export const toAccountPayload = (data: AccountFormValues): AccountInput => ({
  name: data.name?.trim() ?? '',
  accountTypeId: Number(data.accountTypeId),
  accountStatusId: Number(data.accountStatusId),
  groupIds: data.groupIds ?? [],
  parentAccountId: data.parentAccountId ?? null,
  serviceAddress: toServiceAddress(data.serviceAddress),
  mailingAddress: data.hasMailingAddress ? toAddress(data.mailingAddress) : null,
  customFields: toCustomFieldValues(data.customFields),
});

/** The record as the edit form starts: the mailing address switch on when there is one. */
export const toAccountFormValues = (account: Account): AccountFormValues => ({
  ...account,
  hasMailingAddress: account.mailingAddress !== null,
  customFields: { ...(account.customFields ?? {}) },
});
