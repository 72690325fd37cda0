import { randomUUID } from 'node:crypto';
import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import type { TestApp } from '../support/test-app';

export { auditEntries, insertAccount } from '../contacts/account-fixture';

export const newRequestId = (label: string) => `${label}-${randomUUID()}`;

/** Call logs touch no money, so the books of the accounts they were logged on must still agree. */
export async function expectBooksBalanced(sut: TestApp, accountIds: number[]): Promise<void> {
  const books = await sut.app.get(InvariantCheckerService).check('2099-12-31', accountIds);
  expect(books.accounts).toBeGreaterThanOrEqual(new Set(accountIds).size);
  expect(books.mismatches).toEqual([]);
}

export const countRows = async (sut: TestApp, sql: string, params: unknown[]): Promise<number> =>
  Number((await sut.db.query(sql, params))[0].n);
