import { optionalText, text } from '../common/formText';
import type { ListAccounts } from './types';

/** What both forms send besides the name: the statuses only when the list takes chosen statuses. */
const common = (data: Record<string, unknown>) => {
  const accounts = data.accounts as ListAccounts;
  return {
    description: optionalText(data.description),
    accounts,
    ...(accounts === 'statuses' ? { statusIds: (Array.isArray(data.statusIds) ? (data.statusIds as unknown[]) : []).map(Number) } : {}),
  };
};

export const toAddressListCreate = (data: Record<string, unknown>) => ({ name: text(data.name), ...common(data) });

/** The name is what routers fetch the list by, so it is never sent again. */
export const toAddressListUpdate = (data: Record<string, unknown>) => common(data);
