import { dueAccounts, dueSlices } from '../../src/bill-runs/due-accounts';
import { BillingWorld } from '../billing/billing-world';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Planning a run reads one row per batch: the database numbers the due accounts
 * and hands back the last id of each slice. The slices must be exactly what
 * cutting the full list of due ids would give, for any batch size.
 */
describe('bill run slices', () => {
  let sut: TestApp;
  let w: BillingWorld;
  const date = '2032-03-09';

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
    await w.today('2032-03-01');
    const service = await w.service(1200);
    for (let i = 0; i < 7; i++) {
      const account = await w.account({ invoiceDay: 9, billDay: 9 });
      await w.addService(account, service, date);
    }
  });
  afterAll(() => sut.close());

  /** The reference: every due id read, then cut into runs of `size`. */
  const cut = (ids: number[], size: number) => {
    const slices: { afterAccountId: number; upToAccountId: number }[] = [];
    for (let i = 0; i < ids.length; i += size) {
      slices.push({ afterAccountId: i === 0 ? 0 : ids[i - 1], upToAccountId: ids[Math.min(i + size, ids.length) - 1] });
    }
    return slices;
  };

  it('match the full list of due ids cut into batches, the last one short', async () => {
    // One snapshot for both reads, so accounts other suites add meanwhile cannot make them differ.
    await sut.db.transaction('REPEATABLE READ', async (em) => {
      const ids = await dueAccounts(em, date, { afterAccountId: 0 });
      expect(ids.length).toBeGreaterThanOrEqual(7);
      for (const size of [1, 2, 3, ids.length - 1, ids.length, 500]) {
        expect(await dueSlices(em, date, size)).toEqual({ slices: cut(ids, size), accounts: ids.length });
      }
    });
  });
});
