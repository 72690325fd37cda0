import { answer, api } from './apiClient';

/** The home page's figures for today. */
export const dashboardMethods = {
  fetchDashboard: () => answer(api.GET('/api/dashboard')),
  /** Asked for apart from the rest: counting a billing day's due accounts is the slowest figure. */
  fetchNextBillRun: () => answer(api.GET('/api/dashboard/next-bill-run')),
};
