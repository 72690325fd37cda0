import { answer, api, type Schemas } from './apiClient';

/** The processes run for a date (bill runs, autopay, the night, delinquency) and disconnection. */
export const runMethods = {
  startBillRun: (date: string) => answer(api.POST('/api/bill-runs', { body: { date } })),

  previewBillRun: (input: Schemas['PreviewBillRunDto']) => answer(api.POST('/api/bill-runs/preview', { body: input })),

  /** `release` invoices the parked account as computed; `dismiss` leaves it uninvoiced for the run date. */
  settleParkedAccount: (billRunId: number, accountId: number, action: 'release' | 'dismiss') => {
    const options = { params: { path: { id: billRunId, accountId } } };
    return answer(
      action === 'release'
        ? api.POST('/api/bill-runs/{id}/parked/{accountId}/release', options)
        : api.POST('/api/bill-runs/{id}/parked/{accountId}/dismiss', options),
    );
  },

  startAutopayRun: (date: string) => answer(api.POST('/api/autopay-runs', { body: { date } })),

  startNightlyStep: (step: 'nightly' | 'delinquency', date: string) =>
    answer(step === 'nightly' ? api.POST('/api/nightly-runs', { body: { date } }) : api.POST('/api/delinquency-runs', { body: { date } })),

  previewDelinquency: (date: string) => answer(api.POST('/api/delinquency-runs/preview', { body: { date } })),

  fetchDisconnectionSettings: () => answer(api.GET('/api/disconnection-settings')),

  fetchDisconnections: (accountId: number) => answer(api.GET('/api/accounts/{id}/disconnections', { params: { path: { id: accountId } } })),

  disconnectAccount: (accountId: number, input: Schemas['DisconnectAccountDto']) =>
    answer(api.POST('/api/accounts/{id}/disconnect', { params: { path: { id: accountId } }, body: input })),
};
