import type { DataProvider, DeleteParams, DeleteResult, RaRecord, UpdateParams, UpdateResult } from 'react-admin';
import { useDataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { accountMethods } from './accounts';
import { addressListMethods } from './addressLists';
import { API_URL } from './apiUrl';
import { auditMethods } from './audit';
import { billingMethods } from './billing';
import { contractMethods } from './contracts';
import { correspondenceMethods } from './correspondence';
import { dashboardMethods } from './dashboard';
import { elevationMethods } from './elevation';
import { httpClient } from './httpClient';
import { inboundMailMethods } from './inboundMail';
import { inventoryMethods } from './inventory';
import { jobMethods } from './jobs';
import { networkMethods } from './network';
import { networkSyncMethods } from './networkSync';
import { paymentMethods } from './payments';
import { runMethods } from './runs';
import { scheduledEventMethods } from './scheduledEvents';
import { ticketMethods } from './tickets';
import { usageMethods } from './usage';
import { voiceMethods } from './voice';
import { voiceSettingsMethods } from './voiceSettings';
import { webhookMethods } from './webhooks';

const restProvider = simpleRestProvider(API_URL, httpClient);

/** Resources the API changes with PATCH (only the fields sent change) where the stock provider would PUT. */
const PATCHED_RESOURCES = new Set([
  'ip-supernets',
  'ip-subnets',
  'ip-pools',
  'nas-devices',
  'inventory-manufacturers',
  'inventory-models',
  'stock-locations',
  'inventory-items',
  'dhcp-servers',
  'address-lists',
  'usage-policies',
  'job-types',
  'technicians',
  'ticket-statuses',
  'ticket-groups',
  'network-sites',
  'voice-rate-plans',
  'dids',
]);

/**
 * Backhaul speaks react-admin's simple-REST dialect, so CRUD is the stock provider's. The
 * changes: a DELETE answering 204 (no body) still resolves with the deleted record, which
 * react-admin needs to update its cache, and the resources above are updated with PATCH.
 */
const crud: DataProvider = {
  ...restProvider,
  update: async <RecordType extends RaRecord = RaRecord>(
    resource: string,
    params: UpdateParams<RecordType>,
  ): Promise<UpdateResult<RecordType>> => {
    if (!PATCHED_RESOURCES.has(resource)) return restProvider.update<RecordType>(resource, params);
    const { json } = await httpClient(`${API_URL}/${resource}/${encodeURIComponent(params.id)}`, {
      method: 'PATCH',
      body: JSON.stringify(params.data),
    });
    return { data: json as RecordType };
  },
  delete: async <RecordType extends RaRecord = RaRecord>(
    resource: string,
    params: DeleteParams<RecordType>,
  ): Promise<DeleteResult<RecordType>> => {
    const { data } = await restProvider.delete<RecordType>(resource, params);
    return { data: data ?? params.previousData ?? ({ id: params.id } as RecordType) };
  },
};

/** CRUD plus the API's other calls, as react-admin's custom methods, typed by the OpenAPI document. */
export const dataProvider = {
  ...crud,
  ...accountMethods,
  ...billingMethods(crud),
  ...paymentMethods,
  ...scheduledEventMethods(crud),
  ...correspondenceMethods,
  ...runMethods,
  ...auditMethods,
  ...dashboardMethods,
  ...webhookMethods,
  ...contractMethods(crud),
  ...networkMethods(crud),
  ...inventoryMethods(crud),
  ...addressListMethods,
  ...networkSyncMethods,
  ...usageMethods,
  ...jobMethods,
  ...ticketMethods,
  ...inboundMailMethods,
  ...elevationMethods,
  ...voiceMethods,
  ...voiceSettingsMethods,
};

export type BackhaulDataProvider = typeof dataProvider;

/** useDataProvider with the custom methods typed. */
export const useBackhaulDataProvider = () => useDataProvider<BackhaulDataProvider>();
