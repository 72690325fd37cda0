import { answer, api } from './apiClient';

/** The action history's calls beyond its list: the kinds of action, for the filter. */
export const auditMethods = {
  fetchActionKinds: () => answer(api.GET('/api/action-history/kinds')),
};
