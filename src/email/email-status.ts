/** queued until the relay answers; then sent (accepted), rejected (refused, or not accepted in time) or invalid (no address to try). */
export type EmailStatus = 'queued' | 'sent' | 'rejected' | 'invalid';
export const EMAIL_STATUSES: readonly EmailStatus[] = ['queued', 'sent', 'rejected', 'invalid'];
