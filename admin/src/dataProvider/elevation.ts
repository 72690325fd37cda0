import { HttpError } from 'react-admin';
import type { ElevationTile, ProfileQuery, TileKind } from '../elevation/types';
import { answer, api } from './apiClient';
import { answerToHttpError } from './apiErrors';

/** The Elevation Profile tab's calls, and the tile upload; CRUD on sites and tiles is the stock provider's. */
export const elevationMethods = {
  /** The service address and every network site with its distance and bearing from it, nearest first. */
  fetchSitesAround: (accountId: number) => answer(api.GET('/api/accounts/{id}/network-sites', { params: { path: { id: accountId } } })),

  /** Worked out on the server (or read from its cache) for one site, antenna, band and subscriber mast. */
  fetchElevationProfile: (accountId: number, query: ProfileQuery) =>
    answer(api.GET('/api/accounts/{id}/elevation-profile', { params: { path: { id: accountId }, query } })),

  /**
   * POST /api/elevation-tiles as multipart/form-data, the kind before the file. XMLHttpRequest
   * rather than fetch, for upload progress on tiles of tens of megabytes; `onProgress` gets 0..100.
   */
  uploadElevationTile: (kind: TileKind, file: File, onProgress: (percent: number) => void): Promise<ElevationTile> =>
    new Promise((resolve, reject) => {
      const body = new FormData();
      body.append('kind', kind);
      body.append('file', file, file.name);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/elevation-tiles');
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
        if (xhr.status >= 200 && xhr.status < 300) resolve(json as ElevationTile);
        else if (xhr.status === 413 && json === null) reject(new HttpError('The file is larger than the server accepts', 413));
        else reject(answerToHttpError(xhr.status, json));
      };
      xhr.send(body);
    }),
};
