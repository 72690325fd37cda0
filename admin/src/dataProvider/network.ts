import type { DataProvider } from 'react-admin';
import type { IpAssignment, Pool, RadiusAccount, Subnet } from '../network/types';
import { answer, api, type Schemas } from './apiClient';

const id = (value: number) => ({ params: { path: { id: value } } });

/** An account's IP assignments and RADIUS accounts, and the address plan's look-ups for the Assign IP dialog. */
export const networkMethods = (rest: DataProvider) => ({
  /** How many assignments the account holds now: the count the Move dialog names. */
  countActiveIpAssignments: async (accountId: number): Promise<number> =>
    (
      await rest.getList<IpAssignment>(`accounts/${accountId}/ip-assignments`, {
        filter: { active: true },
        sort: { field: 'id', order: 'ASC' },
        pagination: { page: 1, perPage: 1 },
      })
    ).total ?? 0,

  assignIp: (accountId: number, input: Schemas['CreateIpAssignmentDto']) =>
    answer(api.POST('/api/accounts/{id}/ip-assignments', { ...id(accountId), body: input })),

  /** A new assignee is a move (the old assignment stays in the history); soft and description change in place. */
  changeIpAssignment: (assignmentId: number, change: Schemas['UpdateIpAssignmentDto']) =>
    answer(api.PATCH('/api/ip-assignments/{id}', { ...id(assignmentId), body: change })),

  removeIpAssignment: (assignmentId: number) => answer(api.DELETE('/api/ip-assignments/{id}', id(assignmentId))),

  moveIpAssignments: (accountId: number, toAccountId: number) =>
    answer(api.POST('/api/accounts/{id}/ip-assignments/move', { ...id(accountId), body: { toAccountId } })),

  /** Keeps the pool's lowest free address for the calling clerk for a while. */
  holdNextFreeAddress: (poolId: number) => answer(api.POST('/api/ip-pools/{id}/next-free-address', id(poolId))),

  /** Pools or subnets whose name or network holds the words typed, for the pickers. */
  searchPools: async (q: string): Promise<Pool[]> =>
    (
      await rest.getList<Pool>('ip-pools', {
        filter: q.trim() ? { q: q.trim() } : {},
        sort: { field: 'name', order: 'ASC' },
        pagination: { page: 1, perPage: 50 },
      })
    ).data,
  searchSubnets: async (q: string): Promise<Subnet[]> =>
    (
      await rest.getList<Subnet>('ip-subnets', {
        filter: q.trim() ? { q: q.trim() } : {},
        sort: { field: 'network', order: 'ASC' },
        pagination: { page: 1, perPage: 50 },
      })
    ).data,

  /**
   * The account's RADIUS accounts by username, as many as one page of the API holds (an account has
   * a handful, and the Assign IP dialog offers every one), with how many there are in all.
   */
  listRadiusAccounts: async (accountId: number): Promise<{ rows: RadiusAccount[]; total: number }> => {
    const { data, total } = await rest.getList<RadiusAccount>(`accounts/${accountId}/radius-accounts`, {
      filter: {},
      sort: { field: 'username', order: 'ASC' },
      pagination: { page: 1, perPage: 1000 },
    });
    return { rows: data, total: total ?? data.length };
  },

  createRadiusAccount: (accountId: number, input: Schemas['CreateRadiusAccountDto']) =>
    answer(api.POST('/api/accounts/{id}/radius-accounts', { ...id(accountId), body: input })),

  /** Only the fields given change: a new username, a new password, or both. */
  updateRadiusAccount: (radiusAccountId: number, change: Schemas['UpdateRadiusAccountDto']) =>
    answer(api.PATCH('/api/radius-accounts/{id}', { ...id(radiusAccountId), body: change })),

  /** Refused (409) while it still holds addresses. */
  deleteRadiusAccount: (radiusAccountId: number) => answer(api.DELETE('/api/radius-accounts/{id}', id(radiusAccountId))),
});
