import { answer, api, type Schemas } from './apiClient';

/**
 * An account's voice beyond the stock lists (`accounts/:id/dids`, `accounts/:id/voice-calls`):
 * its voice services with the numbers they hold, giving and taking back a number, and the
 * totals of the calls a filter matches.
 */
export const voiceMethods = {
  fetchVoiceServices: (accountId: number) => answer(api.GET('/api/accounts/{id}/voice-services', { params: { path: { id: accountId } } })),

  /** 409 when the number is not available any more (someone else took it first). */
  assignDid: (accountId: number, accountServiceId: number, input: Schemas['AssignDidDto']) =>
    answer(
      api.POST('/api/accounts/{id}/voice-services/{accountServiceId}/dids', {
        params: { path: { id: accountId, accountServiceId } },
        body: input,
      }),
    ),

  releaseDid: (accountId: number, accountServiceId: number, didId: number) =>
    answer(
      api.DELETE('/api/accounts/{id}/voice-services/{accountServiceId}/dids/{didId}', {
        params: { path: { id: accountId, accountServiceId, didId } },
      }),
    ),

  /** The list's own filter, as the list sends it (a JSON object in `filter`). */
  fetchVoiceCallTotals: (accountId: number, filter: Record<string, unknown>) =>
    answer(
      api.GET('/api/accounts/{id}/voice-calls/totals', {
        params: { path: { id: accountId }, query: { filter: JSON.stringify(filter) } },
      }),
    ),
};
