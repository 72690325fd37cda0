import type { Contact, Phone } from '../../types';

export interface ContactFormValues {
  name?: string;
  role?: string | null;
  email?: string | null;
  language?: string | null;
  phones?: Partial<Phone>[];
  messageCategoryIds?: number[];
  portalUsername?: string | null;
  portalPassword?: string | null;
}

const blankToNull = (value: string | null | undefined): string | null => (value && value.trim() ? value.trim() : null);

const toPhones = (phones: Partial<Phone>[] | undefined): Phone[] =>
  (phones ?? [])
    .filter((phone) => phone?.number?.trim())
    .map((phone) => ({ type: phone.type ?? 'mobile', number: phone.number!.trim(), extension: blankToNull(phone.extension) }));

/**
 * PUT /api/contacts/:id: no portal credentials (they have their own route).
 * Language has no empty state in the API (null is refused), so a blank one is left out.
 */
export const toContactUpdate = (values: ContactFormValues) => {
  const language = blankToNull(values.language);
  return {
    name: values.name?.trim() ?? '',
    role: blankToNull(values.role),
    email: blankToNull(values.email),
    ...(language ? { language } : {}),
    phones: toPhones(values.phones),
    messageCategoryIds: values.messageCategoryIds ?? [],
  };
};

/** POST /api/contacts: credentials only when both are given (the API wants both or neither). */
export const toContactCreate = (accountId: number, values: ContactFormValues) => {
  const portalUsername = blankToNull(values.portalUsername);
  const portalPassword = values.portalPassword || null;
  return {
    accountId,
    ...toContactUpdate(values),
    ...(portalUsername || portalPassword ? { portalUsername, portalPassword } : {}),
  };
};

export const toContactFormValues = (contact: Contact): ContactFormValues => ({
  name: contact.name,
  role: contact.role,
  email: contact.email,
  language: contact.language,
  phones: contact.phones,
  messageCategoryIds: contact.messageCategoryIds,
});
