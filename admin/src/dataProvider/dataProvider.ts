import type { DataProvider, DeleteParams, DeleteResult, RaRecord } from 'react-admin';
import simpleRestProvider from 'ra-data-simple-rest';
import { API_URL } from './apiUrl';
import { httpClient } from './httpClient';

const restProvider = simpleRestProvider(API_URL, httpClient);

/**
 * Backhaul speaks react-admin's simple-REST dialect. The only change: a DELETE
 * answering 204 (no body) still resolves with the deleted record, which
 * react-admin needs to update its cache.
 */
export const dataProvider: DataProvider = {
  ...restProvider,
  delete: async <RecordType extends RaRecord = RaRecord>(
    resource: string,
    params: DeleteParams<RecordType>,
  ): Promise<DeleteResult<RecordType>> => {
    const { data } = await restProvider.delete<RecordType>(resource, params);
    return { data: data ?? params.previousData ?? ({ id: params.id } as RecordType) };
  },
};
