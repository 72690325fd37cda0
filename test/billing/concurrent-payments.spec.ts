import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

describe('concurrent payments on one account', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());

  it('50 cash payments at once all land, each exactly once, and the books balance', async () => {
    await w.today('2026-09-01');
    const account = await w.account();
    const one = await w.service(100_000, { kind: 'one_time' });
    const inv = (await w.post('/api/invoices', { accountId: account, lines: [{ serviceId: one, price: 100_000 }] }).expect(201)).body;
    // 50 payments of 1 to 50 cents: 1275 in all.
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => w.post('/api/payments', { accountId: account, method: 'cash', amount: i + 1 })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(await w.invoice(inv.id)).toMatchObject({ paid: 1275, remaining: 100_000 - 1275 });
    const rows = await w.transactions(account);
    expect(rows.filter((t) => t.kind === 'payment')).toHaveLength(50);
    expect(rows[rows.length - 1].balance).toBe(100_000 - 1275);
    await w.expectBooksBalance([account]);
  });

  it('the same Idempotency-Key three times makes one payment', async () => {
    await w.today('2026-09-01');
    const account = await w.account();
    const key = `pay-${account}-retry-test`;
    const send = () => w.post('/api/payments', { accountId: account, method: 'cash', amount: 2500 }).set('Idempotency-Key', key);
    const all = await Promise.all([send(), send(), send()]);
    expect(all.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(all.map((r) => r.body.transaction.id)).size).toBe(1);
    expect((await w.figures(account)).availableCredits).toBe(2500);
    const other = await w.post('/api/payments', { accountId: account, method: 'cash', amount: 10 }).set('Idempotency-Key', key);
    expect(other.status).toBe(409);
    await w.expectBooksBalance([account]);
  });
});
