import { API_URL, httpClient } from '../dataProvider';
import type { Me } from '../types';

// checkAuth, getIdentity and getPermissions all read GET /auth/me, often in the
// same tick: share one request, and reuse its answer for a few seconds.
const ME_TTL_MS = 5_000;

let cached: { at: number; me: Promise<Me> } | null = null;

export const fetchMe = (): Promise<Me> => {
  const now = Date.now();
  if (cached && now - cached.at < ME_TTL_MS) return cached.me;
  const me = httpClient(`${API_URL}/auth/me`).then(({ json }) => json as Me);
  const entry = { at: now, me };
  cached = entry;
  me.catch(() => {
    if (cached === entry) cached = null;
  });
  return me;
};

export const forgetMe = (): void => {
  cached = null;
};
