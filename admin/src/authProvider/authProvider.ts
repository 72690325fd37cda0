import { type AuthProvider, HttpError, type UserIdentity } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';
import { fetchMe, forgetMe } from './me';

export interface LoginParams {
  email: string;
  password: string;
}

const loginFailureMessage = (error: unknown): string => {
  if (error instanceof HttpError) {
    // The API explains itself, e.g. 429 "Too many failed logins; try again in 8 seconds".
    if (error.body?.message) return String(error.body.message);
    if (error.status === 401) return 'Invalid email or password';
    if (error.status === 429) return 'Too many failed logins; wait a moment and try again';
  }
  return error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error';
};

// Whether this page has seen a valid session, to tell "not logged in yet" from "session expired".
let hadSession = false;

/**
 * Session auth: the API sets an httpOnly cookie on login, so the panel never
 * holds the token; every request just sends credentials.
 */
export const authProvider: AuthProvider = {
  login: async ({ email, password }: LoginParams) => {
    forgetMe();
    try {
      await httpClient(`${API_URL}/auth/login`, {
        method: 'POST',
        body: JSON.stringify({ email, password }),
      });
    } catch (error) {
      throw new Error(loginFailureMessage(error));
    }
    hadSession = true;
  },

  logout: async () => {
    forgetMe();
    hadSession = false;
    try {
      await httpClient(`${API_URL}/auth/logout`, { method: 'POST' });
    } catch {
      // Already logged out (401) or unreachable: the login page is still right.
    }
  },

  checkAuth: async () => {
    try {
      await fetchMe();
      hadSession = true;
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) {
        // Opening the panel logged out goes quietly to the login page; an expired session says so.
        throw { message: hadSession ? 'ra.auth.auth_check_error' : false };
      }
      throw error;
    }
  },

  // Only a missing session logs out; 403 keeps the session and the page shows the error.
  checkError: async (error: { status?: number }) => {
    if (error?.status === 401) {
      forgetMe();
      throw new Error('ra.notification.logged_out');
    }
  },

  getIdentity: async (): Promise<UserIdentity> => {
    const me = await fetchMe();
    return { id: me.id, fullName: me.name, email: me.email, roles: me.roles };
  },

  getPermissions: async () => (await fetchMe()).permissions,
};
