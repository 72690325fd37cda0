import { SettingsCreate, SettingsEdit } from '../common';
import { NetworkSiteInputs } from './NetworkSiteInputs';
import { toNetworkSitePayload } from './networkSitePayload';

export const NetworkSiteCreate = () => (
  <SettingsCreate transform={toNetworkSitePayload}>
    <NetworkSiteInputs />
  </SettingsCreate>
);

/** Pessimistic, as every settings form: Delete asks first. */
export const NetworkSiteEdit = () => (
  <SettingsEdit transform={toNetworkSitePayload}>
    <NetworkSiteInputs />
  </SettingsEdit>
);
