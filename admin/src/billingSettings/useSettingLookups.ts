import { useGetList } from 'react-admin';
import type { AccountStatus, CatalogService } from '../types';
import type { SettingLookups } from './formatSetting';

/** Names for the service and status ids the settings refer to. */
export const useSettingLookups = (
  currency: string | undefined,
): SettingLookups & { services: CatalogService[]; statuses: AccountStatus[] } => {
  const { data: services = [] } = useGetList<CatalogService>('services', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  const { data: statuses = [] } = useGetList<AccountStatus>('account-statuses', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });
  return {
    currency,
    services,
    statuses,
    serviceName: (id) => services.find((service) => service.id === id)?.name,
    statusName: (id) => statuses.find((status) => status.id === id)?.name,
  };
};
