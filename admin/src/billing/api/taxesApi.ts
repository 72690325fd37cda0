import type { GeoTax, TaxOverride } from '../../types';
import { apiPath, getJson, sendJson } from './request';

export type TaxOverrideInput = Pick<TaxOverride, 'taxId' | 'kind' | 'rateE4'>;

export const fetchGeoTaxes = (accountId: number): Promise<GeoTax[]> => getJson(apiPath`/accounts/${accountId}/geo-taxes`);

export const fetchTaxOverrides = (accountId: number): Promise<TaxOverride[]> => getJson(apiPath`/accounts/${accountId}/tax-overrides`);

export const createTaxOverride = (accountId: number, input: TaxOverrideInput): Promise<TaxOverride> =>
  sendJson('POST', apiPath`/accounts/${accountId}/tax-overrides`, input);

export const updateTaxOverride = (accountId: number, overrideId: number, input: TaxOverrideInput): Promise<TaxOverride> =>
  sendJson('PUT', apiPath`/accounts/${accountId}/tax-overrides/${overrideId}`, input);

export const deleteTaxOverride = (accountId: number, overrideId: number): Promise<void> =>
  sendJson('DELETE', apiPath`/accounts/${accountId}/tax-overrides/${overrideId}`);
