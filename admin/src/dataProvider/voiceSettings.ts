import { HttpError } from 'react-admin';
import type { CdrFile, CdrUploadOptions, RateDeckImport } from '../voiceSettings/types';
import { answer, api, type Schemas } from './apiClient';
import { answerToHttpError } from './apiErrors';

const id = (value: number) => ({ params: { path: { id: value } } });

/**
 * A multipart POST, the fields before the file (the API reads them first and refuses a bad one before
 * storing a byte). XMLHttpRequest rather than fetch, for upload progress on switch files of many
 * megabytes; `onProgress` gets 0..100.
 */
const postFile = <T>(path: string, fields: Record<string, string>, file: File, onProgress?: (percent: number) => void): Promise<T> =>
  new Promise((resolve, reject) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    body.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new Error('The upload failed: the server could not be reached'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else if (xhr.status === 413 && json === null) reject(new HttpError('The file is larger than the server accepts', 413));
      else reject(answerToHttpError(xhr.status, json));
    };
    xhr.send(body);
  });

/** The upload's text fields: only what was chosen, so the instance's defaults fill the rest. */
const cdrFields = (options: CdrUploadOptions): Record<string, string> => {
  const fields: Record<string, string> = { format: options.format };
  if (options.timeZone) fields.timeZone = options.timeZone;
  if (options.defaultCountry) fields.defaultCountry = options.defaultCountry;
  if (options.direction) fields.direction = options.direction;
  if (options.format === 'asterisk') {
    for (const flag of ['logUniqueId', 'logUserField', 'newCdrColumns'] as const) {
      if (options[flag] !== undefined) fields[flag] = String(options[flag]);
    }
  } else if (options.mapping) {
    fields.mapping = JSON.stringify(options.mapping);
  }
  return fields;
};

/**
 * Voice settings beyond the stock lists (`voice-rate-plans`, `voice-rate-plans/:id/rates`, `dids`,
 * `voice-cdr-files`, `voice-cdr-files/:id/rejects`, `voice-cdr-rejects`): a rate deck's import, a range
 * of numbers, a number's state, and the switch files' upload, folder scan and re-run.
 */
export const voiceSettingsMethods = {
  /** Replaces the plan's deck; a 400 lists every problem (line, column, rule) and leaves the deck as it was. */
  importRateDeck: (planId: number, file: File, onProgress?: (percent: number) => void): Promise<RateDeckImport> =>
    postFile<RateDeckImport>(`/api/voice-rate-plans/${planId}/deck`, {}, file, onProgress),

  /** Numbers the instance has already are reported and left as they are. */
  addDidRange: (range: Schemas['CreateDidRangeDto']) => answer(api.POST('/api/dids/range', { body: range })),

  /** Reserve, retire or free a number no voice service holds (409 for one that is held). */
  changeDidState: (didId: number, state: Schemas['UpdateDidDto']['state']) =>
    answer(api.PATCH('/api/dids/{id}', { ...id(didId), body: { state } })),

  /** Stores the file and starts its import; one that cannot be read at all is refused (400) with the reason. */
  uploadCdrFile: (options: CdrUploadOptions, file: File, onProgress?: (percent: number) => void): Promise<CdrFile> =>
    postFile<CdrFile>('/api/voice-cdr-files', cdrFields(options), file, onProgress),

  /** Wakes the folder watcher; answers the folder it watches. */
  scanCdrFolder: () => answer(api.POST('/api/voice-cdr-files/scan')),

  /** Reads a failed or imported file again from its first line; calls it recorded before count once. */
  rerunCdrFile: (fileId: number) => answer(api.POST('/api/voice-cdr-files/{id}/rerun', id(fileId))),
};
