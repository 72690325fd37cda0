import { HttpError } from 'react-admin';
import type { AccountCustomFieldValue, AccountFile, AccountHeader, Contact, SearchResult } from '../types';
import { API_URL } from './apiUrl';
import { httpClient, toHttpError } from './httpClient';

/**
 * The accounts API calls that are not plain CRUD (see docs/accounts-api.md).
 * CRUD on accounts, contacts, notes, tasks and files goes through the dataProvider.
 */

/** Also records one view of the account: call once per page opening. */
export const fetchAccountHeader = async (accountId: number | string): Promise<AccountHeader> =>
  (await httpClient(`${API_URL}/accounts/${encodeURIComponent(accountId)}/header`)).json as AccountHeader;

export const fetchAccountCustomFields = async (accountId: number | string): Promise<AccountCustomFieldValue[]> =>
  (await httpClient(`${API_URL}/accounts/${encodeURIComponent(accountId)}/custom-fields`)).json as AccountCustomFieldValue[];

export const searchAccounts = async (q: string, signal?: AbortSignal): Promise<SearchResult[]> =>
  (await httpClient(`${API_URL}/search?${new URLSearchParams({ q }).toString()}`, { signal })).json as SearchResult[];

export const makeContactPrimary = async (contactId: number): Promise<void> => {
  await httpClient(`${API_URL}/contacts/${contactId}/become-primary`, { method: 'POST' });
};

export const setPortalCredentials = async (contactId: number, credentials: { username: string; password: string }): Promise<void> => {
  await httpClient(`${API_URL}/contacts/${contactId}/portal-credentials`, { method: 'PUT', body: JSON.stringify(credentials) });
};

export const removePortalCredentials = async (contactId: number): Promise<void> => {
  await httpClient(`${API_URL}/contacts/${contactId}/portal-credentials`, { method: 'DELETE' });
};

/** Deleting the primary contact while others exist needs a successor (409 otherwise). */
export const deleteContact = async (contact: Pick<Contact, 'id'>, successorId?: number): Promise<void> => {
  const query = successorId ? `?${new URLSearchParams({ successorId: String(successorId) }).toString()}` : '';
  await httpClient(`${API_URL}/contacts/${contact.id}${query}`, { method: 'DELETE' });
};

export const accountFileDownloadUrl = (fileId: number): string => `${API_URL}/account-files/${fileId}/download`;
export const accountFileThumbnailUrl = (fileId: number): string => `${API_URL}/account-files/${fileId}/thumbnail`;

/**
 * POST /api/account-files as multipart/form-data. XMLHttpRequest rather than fetch,
 * for upload progress; `onProgress` gets 0..100.
 */
export const uploadAccountFile = (accountId: number, file: File, onProgress: (percent: number) => void): Promise<AccountFile> =>
  new Promise((resolve, reject) => {
    const body = new FormData();
    body.append('accountId', String(accountId));
    body.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_URL}/account-files`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new Error('The upload failed: the server could not be reached'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(json as AccountFile);
        return;
      }
      const message =
        typeof json === 'object' && json !== null && 'message' in json
          ? String((json as { message: unknown }).message)
          : xhr.status === 413
            ? 'The file is larger than the server accepts'
            : `Upload failed (${xhr.status})`;
      reject(toHttpError(new HttpError(message, xhr.status, json)));
    };
    xhr.send(body);
  });
