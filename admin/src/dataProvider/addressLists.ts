import { answer, api } from './apiClient';

const id = (value: number) => ({ params: { path: { id: value } } });

/** The address lists' calls beyond CRUD: the router's key and what the router would get. */
export const addressListMethods = {
  /** A new key for the list; the old one stops working at once, and this answer is the only time the new one is shown. */
  replaceAddressListKey: (listId: number) => answer(api.POST('/api/address-lists/{id}/fetch-key', id(listId))),

  /** The list as a router would fetch it now, as plain lines or the RouterOS script. */
  previewAddressList: (listId: number, format: 'plain' | 'routeros') =>
    answer(api.GET('/api/address-lists/{id}/preview', { params: { path: { id: listId }, query: { format } }, parseAs: 'text' })),
};
