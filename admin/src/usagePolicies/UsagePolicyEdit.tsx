import { SettingsCreate, SettingsEdit } from '../common';
import { UsagePolicyInputs } from './UsagePolicyInputs';
import { toUsagePolicyPayload, USAGE_POLICY_DEFAULTS } from './usagePolicyPayload';

export const UsagePolicyCreate = () => (
  <SettingsCreate transform={toUsagePolicyPayload} defaultValues={USAGE_POLICY_DEFAULTS}>
    <UsagePolicyInputs />
  </SettingsCreate>
);

export const UsagePolicyEdit = () => (
  <SettingsEdit transform={toUsagePolicyPayload}>
    <UsagePolicyInputs />
  </SettingsEdit>
);
