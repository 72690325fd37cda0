import { answer, api } from './apiClient';
import { API_URL } from './apiUrl';

/** The helpdesk mailbox's mail beyond the stock list (`inbound-messages`): its raw copies and "check now" (see docs/inbound-mail.md). */
export const inboundMailMethods = {
  /** Wakes the mailbox's reader now; answers the mailbox about to be read (without its password). */
  checkInboundMail: () => answer(api.POST('/api/inbound-messages/check')),

  /** The message's bytes exactly as the mail server had them, for the panel to show as text and never as a page. */
  fetchInboundMessageRaw: async (messageId: number): Promise<ArrayBuffer> =>
    (await answer(
      api.GET('/api/inbound-messages/{id}/raw', {
        params: { path: { id: messageId } },
        headers: { Accept: 'application/octet-stream, application/json' },
        parseAs: 'arrayBuffer',
      }),
    )) as ArrayBuffer,
};

/** The raw message as a download (.eml); same origin, so the session cookie goes along. */
export const inboundMessageRawUrl = (messageId: number): string => `${API_URL}/inbound-messages/${messageId}/raw`;
