import type { StaffUser, StaffUserInput } from '../types';

/**
 * Sends only the editable fields (the API rejects unknown ones), and the
 * password only when one was typed: blank keeps the current password.
 */
export const toUserPayload = (data: Partial<StaffUser> & { password?: string | null }): StaffUserInput => {
  const { email = '', name = '', active = true, roleIds = [], password } = data;
  return { email, name, active, roleIds, ...(password ? { password } : {}) };
};
