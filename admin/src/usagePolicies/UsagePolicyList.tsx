import { type Exporter, FunctionField, NumberField, TextField } from 'react-admin';
import { SettingsList } from '../common';
import { downloadRows } from '../correspondence/csv';
import { Permissions } from '../permissions';
import { capWords, freeWindowsWords, rolloverWords, topOffWords } from '../usage/policyWords';
import type { UsagePolicy } from '../usage/types';

const AT_CAP_SHORT: Record<UsagePolicy['atCap'], string> = { overage: 'Overage charged', slow: 'Slowed' };

const exporter: Exporter<UsagePolicy> = (policies) =>
  downloadRows(
    'usage-policies',
    [
      'id',
      'name',
      'cap_gb',
      'at_cap',
      'overage_block_gb',
      'overage_service_id',
      'slow_download_kbps',
      'slow_upload_kbps',
      'top_offs_allowed',
      'top_off_gb',
      'top_off_service_id',
      'rollover',
      'rollover_expiry_months',
      'free_windows',
      'data_services',
    ],
    policies.map((p) => [
      p.id,
      p.name,
      p.capGb,
      p.atCap,
      p.overageBlockGb,
      p.overageServiceId,
      p.slowDownloadKbps,
      p.slowUploadKbps,
      p.topOffsAllowed,
      p.topOffGb,
      p.topOffServiceId,
      p.rollover,
      p.rolloverExpiryMonths,
      p.freeWindows.map((w) => `${w.startHour}-${w.endHour}`).join(' '),
      p.services,
    ]),
  );

/** Usage-based billing policies: a data service's cap, free hours, what happens at the cap, top-offs and rollover. */
export const UsagePolicyList = () => (
  <SettingsList<UsagePolicy> title="Usage policies" permission={Permissions.BillingConfigure} search="Name" exporter={exporter}>
    <TextField source="name" />
    <FunctionField<UsagePolicy> source="capGb" label="Data cap" sortable={false} render={capWords} />
    <FunctionField<UsagePolicy>
      source="atCap"
      label="At the cap"
      sortable={false}
      render={(p) => (p.capGb === null ? '—' : AT_CAP_SHORT[p.atCap])}
    />
    <FunctionField<UsagePolicy> label="Free periods" sortable={false} render={freeWindowsWords} />
    <FunctionField<UsagePolicy> label="Top-offs" sortable={false} render={topOffWords} />
    <FunctionField<UsagePolicy> label="Rollover" sortable={false} render={rolloverWords} />
    <NumberField source="services" label="Data services" sortable={false} />
  </SettingsList>
);
