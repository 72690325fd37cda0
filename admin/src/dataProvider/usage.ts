import { answer, api, type Schemas } from './apiClient';

const id = (value: number) => ({ params: { path: { id: value } } });

/** An account's data usage: the policy, the periods, the hours, the hand correction and the top-off. */
export const usageMethods = {
  fetchDataUsage: (accountId: number) => answer(api.GET('/api/accounts/{id}/data-usage', id(accountId))),

  /** Newest first, the current period first of all. */
  fetchUsagePeriods: (accountId: number, periods: number) =>
    answer(api.GET('/api/accounts/{id}/usage-periods', { params: { path: { id: accountId }, query: { periods } } })),

  /** Hour by hour from `from` to `to` (at most 93 days); hours without traffic are left out. */
  fetchUsageHours: (accountId: number, from: Date, to: Date) =>
    answer(
      api.GET('/api/accounts/{id}/usage-hours', {
        params: { path: { id: accountId }, query: { from: from.toISOString(), to: to.toISOString() } },
      }),
    ),

  /** Sets the current period's figures by hand; the reason is kept with the correction. */
  correctCurrentUsagePeriod: (accountId: number, correction: Schemas['EditUsagePeriodDto']) =>
    answer(api.PUT('/api/accounts/{id}/usage-periods/current', { ...id(accountId), body: correction })),

  /** Charges the policy's top-off service now and raises the current period's allowance by its size. */
  topOffData: (accountId: number) => answer(api.POST('/api/accounts/{id}/usage-top-offs', id(accountId))),
};
