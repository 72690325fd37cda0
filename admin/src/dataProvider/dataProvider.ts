import type { DataProvider, DeleteParams, DeleteResult, RaRecord } from 'react-admin';
import { useDataProvider } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { accountMethods } from './accounts';
import { API_URL } from './apiUrl';
import { auditMethods } from './audit';
import { billingMethods } from './billing';
import { contractMethods } from './contracts';
import { correspondenceMethods } from './correspondence';
import { dashboardMethods } from './dashboard';
import { httpClient } from './httpClient';
import { paymentMethods } from './payments';
import { runMethods } from './runs';
import { scheduledEventMethods } from './scheduledEvents';
import { webhookMethods } from './webhooks';

const restProvider = simpleRestProvider(API_URL, httpClient);

/**
 * Backhaul speaks react-admin's simple-REST dialect, so CRUD is the stock provider's. The only
 * change: a DELETE answering 204 (no body) still resolves with the deleted record, which
 * react-admin needs to update its cache.
 */
const crud: DataProvider = {
  ...restProvider,
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
};

export type BackhaulDataProvider = typeof dataProvider;

/** useDataProvider with the custom methods typed. */
export const useBackhaulDataProvider = () => useDataProvider<BackhaulDataProvider>();
