import { answer, api } from './apiClient';

/** The home page's figures for today. */
export const dashboardMethods = {
  fetchDashboard: () => answer(api.GET('/api/dashboard')),
};
