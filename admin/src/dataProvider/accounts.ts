import { HttpError } from 'react-admin';
import { answer, api, type Schemas } from './apiClient';
import { answerToHttpError } from './apiErrors';

/** Non-CRUD calls of the account page; CRUD on accounts, contacts, notes, tasks and files is the stock provider's. */
export const accountMethods = {
  /** Also records one view of the account: call once per page opening. */
  fetchAccountHeader: (accountId: number) => answer(api.GET('/api/accounts/{id}/header', { params: { path: { id: accountId } } })),

  fetchAccountCustomFields: (accountId: number) =>
    answer(api.GET('/api/accounts/{id}/custom-fields', { params: { path: { id: accountId } } })),

  searchAccounts: (q: string, signal?: AbortSignal) => answer(api.GET('/api/search', { params: { query: { q } }, signal })),

  makeContactPrimary: (contactId: number) => answer(api.POST('/api/contacts/{id}/become-primary', { params: { path: { id: contactId } } })),

  setPortalCredentials: (contactId: number, credentials: Schemas['PortalCredentialsDto']) =>
    answer(api.PUT('/api/contacts/{id}/portal-credentials', { params: { path: { id: contactId } }, body: credentials })),

  removePortalCredentials: (contactId: number) =>
    answer(api.DELETE('/api/contacts/{id}/portal-credentials', { params: { path: { id: contactId } } })),

  /** Deleting the primary contact while others exist needs a successor (409 otherwise). */
  deleteContact: (contactId: number, successorId?: number) =>
    answer(api.DELETE('/api/contacts/{id}', { params: { path: { id: contactId }, query: successorId ? { successorId } : {} } })),

  /**
   * POST /api/account-files as multipart/form-data. XMLHttpRequest rather than fetch,
   * for upload progress; `onProgress` gets 0..100.
   */
  uploadAccountFile: (accountId: number, file: File, onProgress: (percent: number) => void): Promise<Schemas['AccountFileResponseDto']> =>
    new Promise((resolve, reject) => {
      const body = new FormData();
      body.append('accountId', String(accountId));
      body.append('file', file, file.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/account-files');
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
        if (xhr.status >= 200 && xhr.status < 300) resolve(json as Schemas['AccountFileResponseDto']);
        else if (xhr.status === 413 && json === null) reject(new HttpError('The file is larger than the server accepts', 413));
        else reject(answerToHttpError(xhr.status, json));
      };
      xhr.send(body);
    }),
};
