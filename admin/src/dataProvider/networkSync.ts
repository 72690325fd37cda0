import { answer, api, type Schemas } from './apiClient';

const id = (value: number) => ({ params: { path: { id: value } } });

/** Whether the network servers are in step with Backhaul: one account's provisioning, and the reconciliation of them all. */
export const networkSyncMethods = {
  fetchNetworkStatus: (accountId: number) => answer(api.GET('/api/accounts/{id}/network-status', id(accountId))),

  /** A provisioning pass for the account now: its whole state written to the servers, with whatever is pending. */
  syncAccountNetwork: (accountId: number) => answer(api.POST('/api/accounts/{id}/network-sync', id(accountId))),

  /** The limit on the account's live sessions, and the CoA and Disconnect requests sent to their NAS with the answers. */
  fetchSessionEnforcement: (accountId: number) => answer(api.GET('/api/accounts/{id}/session-enforcement', id(accountId))),

  startNetworkReconciliation: () => answer(api.POST('/api/network-reconciliations')),

  /** The speed a delinquent account's sessions are limited to (Settings). */
  fetchSessionEnforcementSettings: () => answer(api.GET('/api/session-enforcement-settings')),

  /** The accounts limited for delinquency now get the new speed at once. */
  saveSessionEnforcementSettings: (settings: Schemas['UpdateSessionEnforcementSettingsDto']) =>
    answer(api.PUT('/api/session-enforcement-settings', { body: settings })),
};
