import type { EntityManager } from 'typeorm';
import { Application, LedgerPostings } from '../../src/billing/ledger-postings';
import { rolledBackTransaction } from '../../src/database/transaction';
import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

/**
 * A batch of settled payments spreads its accounts' credit at once (autoApplyMany). The
 * spread must be the one autoApply makes account by account: oldest credit onto oldest
 * invoice, a parent paying its child's linked invoice, a child only its own, credit left
 * over where the invoices run out. Both are run on the same rows and rolled back.
 */
describe('spreading many accounts’ credit at once', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let postings: LedgerPostings;
  let accounts: { plain: number; parent: number; kid: number; small: number; none: number };
  let invoices: number[];

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
    postings = sut.app.get(LedgerPostings);
    await w.today('2026-11-01');
    accounts = {
      plain: await w.account(),
      parent: await w.account(),
      kid: await w.account(),
      small: await w.account(),
      none: await w.account(),
    };
    const service = await w.service(4200);
    for (const id of [accounts.plain, accounts.parent, accounts.kid, accounts.small]) await w.addService(id, service, '2026-11-01');
    await w.post(`/api/accounts/${accounts.parent}/child-accounts`, { childAccountId: accounts.kid }).expect(201);
    invoices = [];
    for (const id of [accounts.plain, accounts.parent, accounts.kid, accounts.small]) {
      invoices.push((await w.generate(id, '2026-11-01')).invoice!.id);
    }
    // A second, later open invoice on the plain account and one of the kid's own, not linked to the parent's.
    for (const id of [accounts.plain, accounts.kid]) {
      const one = await w.service(1999, { kind: 'one_time' });
      const res = await w.post('/api/invoices', { accountId: id, lines: [{ serviceId: one, price: 1999 }] }).expect(201);
      invoices.push(res.body.id as number);
    }
  });
  afterAll(async () => {
    await w.expectBooksBalance(Object.values(accounts));
    await sut.close();
  });

  /** Credits written straight to the ledger (no spreading yet), then spread by `spread`; answers what was applied where. */
  const spreadWith = (spread: (em: EntityManager, ids: number[]) => Promise<Application[]>) =>
    rolledBackTransaction(sut.db, async (em) => {
      const credits: [label: string, accountId: number, amount: number][] = [
        ['plain-old', accounts.plain, 3000],
        ['plain-new', accounts.plain, 2500],
        ['parent', accounts.parent, 6000],
        ['kid', accounts.kid, 500],
        ['small', accounts.small, 9000],
        ['none', accounts.none, 700],
      ];
      const label = new Map<number, string>();
      for (const [name, accountId, amount] of credits) {
        const id = await postings.insert(em, {
          accountId,
          kind: 'payment',
          side: 'credit',
          amount,
          taxes: [],
          date: '2026-11-01',
          description: `Credit ${name}`,
          paymentMethod: 'cash',
        });
        label.set(id, name);
      }
      const applied = await spread(em, Object.values(accounts));
      const paid: { id: number; paid: number }[] = await em.query('SELECT id, paid FROM invoices WHERE id IN (?) ORDER BY id', [invoices]);
      return {
        applied: applied.map((a) => ({ credit: label.get(a.creditId) ?? `older ${a.creditId}`, invoiceId: a.invoiceId, amount: a.amount })),
        paid: paid.map((p) => [Number(p.id), Number(p.paid)]),
      };
    });

  it('applies what autoApply applies, account by account, and pays the same invoices the same amounts', async () => {
    const together = await spreadWith(async (em, ids) => [...(await postings.autoApplyMany(em, ids)).values()].flat());
    const oneByOne = await spreadWith(async (em, ids) => {
      const all: Application[] = [];
      for (const id of ids) all.push(...(await postings.autoApply(em, id)));
      return all;
    });
    const byCredit = (a: { credit: string; invoiceId: number }, b: { credit: string; invoiceId: number }) =>
      a.credit.localeCompare(b.credit) || a.invoiceId - b.invoiceId;
    expect(together.applied.sort(byCredit)).toEqual(oneByOne.applied.sort(byCredit));
    expect(together.paid).toEqual(oneByOne.paid);
    // The cases the spread has to get right all happened: two credits on one account, the parent paying its
    // child's linked invoice while the kid paid only its own, and credit left over with nothing to pay.
    const credits = new Set(together.applied.map((a) => a.credit));
    expect(credits).toEqual(new Set(['plain-old', 'plain-new', 'parent', 'kid', 'small']));
    const kidsLinked = invoices[2];
    expect(together.applied.filter((a) => a.invoiceId === kidsLinked).map((a) => a.credit)).toEqual(['parent']);
    expect(together.applied.filter((a) => a.credit === 'kid').map((a) => a.invoiceId)).toEqual([invoices[5]]);
  });
});
