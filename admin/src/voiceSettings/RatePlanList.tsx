import { DateField, type Exporter, NumberField, TextField } from 'react-admin';
import { SettingsList } from '../common';
import { downloadRows } from '../correspondence/csv';
import { Permissions } from '../permissions';
import type { RatePlan } from './types';

const exporter: Exporter<RatePlan> = (plans) =>
  downloadRows(
    'voice-rate-plans',
    ['id', 'name', 'description', 'rates', 'voice_services', 'updated_at'],
    plans.map((p) => [p.id, p.name, p.description, p.rates, p.services, p.updatedAt]),
  );

/** Settings › Voice rate plans: the decks calls are priced by; a row opens the plan's page with its rates. */
export const RatePlanList = () => (
  <SettingsList<RatePlan>
    title="Voice rate plans"
    permission={Permissions.VoiceConfigure}
    search="Name"
    exporter={exporter}
    rowClick={(id) => `/voice-rate-plans/${id}/show`}
  >
    <TextField source="name" />
    <TextField source="description" emptyText="—" sortable={false} />
    <NumberField source="rates" label="Rates" sortable={false} />
    <NumberField source="services" label="Voice services" sortable={false} />
    <DateField source="updatedAt" label="Last changed" showTime />
  </SettingsList>
);
