import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { checkBooksTouchedByThisTest, leaveBooksCorrupt } from '../support/books-watch';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';

const NO_SUCH_ACCOUNT = 2_000_000_000;

interface Books {
  account: number;
  other: number;
  invoice: number;
  /** A taxed charge on the invoice. */
  line: number;
  /** The payment that paid the invoice in full and has credit left over. */
  payment: number;
  application: number;
  /** A charge that was reversed, so it has a correction pointing at it. */
  reversed: number;
  otherCharge: number;
  otherPayment: number;
}

/**
 * The books check proven against itself: an account built through the API
 * balances, and each stored fact the checker guards, changed behind the API's
 * back, is reported on that account under the rule that guards it. On a database
 * of its own, so no other test file ever reads the broken rows.
 */
describe('the invariant checker finds every kind of corruption', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let sql: (query: string, params?: unknown[]) => Promise<unknown>;
  let tax: number;
  let monthly: number;
  let oneTime: number;

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    w = await new BillingWorld(sut).init();
    sql = (query, params = []) => sut.db.query(query, params);
    await w.today('2026-02-10');
    tax = await w.tax(100000); // 10 %
    monthly = await w.service(10000, { taxIds: [tax] });
    oneTime = await w.service(2500, { kind: 'one_time', taxIds: [tax] });
  });
  afterAll(() => sut.close());

  const check = (accountIds: number[]) => sut.app.get(InvariantCheckerService).check('2099-12-31', accountIds);
  const one = async (query: string, params: unknown[]) => Number(((await sut.db.query(query, params)) as { v: number }[])[0].v);

  /** An account with an invoice, tax rows, a payment with credit left over and a reversed charge; and a second account. */
  async function cleanBooks(): Promise<Books> {
    await w.today('2026-02-10');
    const account = await w.account();
    await w.addService(account, monthly, '2026-02-10');
    await w.today('2026-03-01');
    const { invoice } = await w.generate(account, '2026-03-01');
    if (!invoice) throw new Error('no invoice was generated');
    const paid = await w.pay(account, invoice.total + 4000);
    const charge = await w.post('/api/transactions/one-time', { accountId: account, serviceId: oneTime, price: 2500 }).expect(201);
    const reversed = Number(charge.body.transaction.id);
    await w.post(`/api/transactions/${reversed}/reverse`).expect(200);

    const other = await w.account();
    const otherCharge = await w.post('/api/transactions/one-time', { accountId: other, serviceId: oneTime, price: 1200 }).expect(201);
    const otherPaid = await w.pay(other, 700);

    const books: Books = {
      account,
      other,
      invoice: invoice.id,
      line: await one(
        `SELECT MIN(t.id) AS v FROM transactions t JOIN transaction_taxes x ON x.transaction_id = t.id WHERE t.invoice_id = ?`,
        [invoice.id],
      ),
      payment: paid.transaction.id,
      application: await one('SELECT id AS v FROM credit_applications WHERE credit_transaction_id = ? AND invoice_id = ?', [
        paid.transaction.id,
        invoice.id,
      ]),
      reversed,
      otherCharge: Number(otherCharge.body.transaction.id),
      otherPayment: otherPaid.transaction.id,
    };
    const report = await check([account, other]);
    expect(report.mismatches).toEqual([]);
    expect(report.accounts).toBe(2);
    expect(report.invoices).toBe(1);
    return books;
  }

  it('passes the untouched books and counts the accounts it checked, families included', async () => {
    const b = await cleanBooks();
    expect((await check([b.account])).accounts).toBe(1);
    await w.post(`/api/accounts/${b.account}/child-accounts`, { childAccountId: b.other }).expect(201);
    expect(await check([b.other])).toMatchObject({ accounts: 2, mismatches: [] });
    // An account with no money at all is still checked and counted.
    const empty = await w.account();
    expect(await check([empty])).toMatchObject({ accounts: 1, invoices: 0, transactions: 0, mismatches: [] });
  });

  it('refuses to call the books balanced for accounts that do not exist', async () => {
    const b = await cleanBooks();
    await expect(check([NO_SUCH_ACCOUNT])).rejects.toThrow(`Account ${NO_SUCH_ACCOUNT} does not exist`);
    await expect(check([b.account, NO_SUCH_ACCOUNT])).rejects.toThrow(`Account ${NO_SUCH_ACCOUNT} does not exist`);
    await w.get(`/api/billing/books?accountId=${NO_SUCH_ACCOUNT}`).expect(404);
    const asked = await w.get(`/api/billing/books?accountId=${b.account}`).expect(200);
    expect(asked.body).toMatchObject({ accounts: 1, mismatches: [] });
  });

  /** on: the account the mismatch is reported on, when not the first; spills: the other account's books break too. */
  const corruptions: { fact: string; rule: string; on?: 'other'; spills?: true; corrupt: (b: Books) => Promise<unknown> }[] = [
    {
      fact: 'an invoice total',
      rule: 'invoice.total',
      corrupt: (b) => sql('UPDATE invoices SET total = total + 1 WHERE id = ?', [b.invoice]),
    },
    {
      fact: 'an invoice tax total',
      rule: 'invoice.tax_total',
      corrupt: (b) => sql('UPDATE invoices SET tax_total = tax_total + 1 WHERE id = ?', [b.invoice]),
    },
    {
      fact: 'an invoice paid amount',
      rule: 'invoice.paid',
      corrupt: (b) => sql('UPDATE invoices SET paid = paid - 1 WHERE id = ?', [b.invoice]),
    },
    {
      fact: 'an invoice marked void with its charges standing',
      rule: 'invoice.void_reversed',
      corrupt: (b) => sql('UPDATE invoices SET is_void = 1 WHERE id = ?', [b.invoice]),
    },
    {
      // Tax rows cannot be changed or deleted (the ledger's triggers refuse), but a stray one can be added.
      fact: 'a tax row',
      rule: 'transaction.tax_amount',
      corrupt: (b) =>
        sql(
          `INSERT INTO transaction_taxes (transaction_id, tax_id, tax_name, rate_e4, amount)
           SELECT transaction_id, tax_id, tax_name, rate_e4, 1 FROM transaction_taxes WHERE transaction_id = ? LIMIT 1`,
          [b.line],
        ),
    },
    {
      fact: 'a credit application amount',
      rule: 'invoice.paid',
      corrupt: (b) => sql('UPDATE credit_applications SET amount = amount - 1 WHERE id = ?', [b.application]),
    },
    {
      fact: 'a credit application taken off',
      rule: 'invoice.paid',
      corrupt: (b) => sql('UPDATE credit_applications SET removed_at = NOW(3) WHERE id = ?', [b.application]),
    },
    {
      fact: 'a credit’s unapplied amount (applied beyond what it holds)',
      rule: 'credit.overapplied',
      corrupt: (b) => sql('UPDATE credit_applications SET amount = amount + 4001 WHERE id = ?', [b.application]),
    },
    {
      fact: 'a credit marked as offsetting while it pays an invoice',
      rule: 'credit.spent_after_void',
      corrupt: (b) => sql('UPDATE transactions SET offsets_uninvoiced = 1 WHERE id = ?', [b.payment]),
    },
    {
      fact: 'the link from a charge to its reversal',
      rule: 'transaction.correction_link',
      corrupt: (b) => sql('UPDATE transactions SET corrected_by_transaction_id = NULL WHERE id = ?', [b.reversed]),
    },
    {
      fact: 'an invoice line taken off its invoice',
      rule: 'invoice.total',
      corrupt: (b) => sql('UPDATE transactions SET invoice_id = NULL WHERE id = ?', [b.line]),
    },
    {
      fact: 'another account’s charge put on the invoice',
      rule: 'transaction.invoice',
      on: 'other',
      spills: true,
      corrupt: (b) => sql('UPDATE transactions SET invoice_id = ? WHERE id = ?', [b.invoice, b.otherCharge]),
    },
    {
      fact: 'another account’s credit paying the invoice',
      rule: 'application.payer',
      spills: true,
      corrupt: (b) => sql('UPDATE credit_applications SET credit_transaction_id = ? WHERE id = ?', [b.otherPayment, b.application]),
    },
    {
      // Seen by nothing but the running balance: a row that is no charge, no credit and corrects nothing.
      fact: 'the running balance (a stray ledger row)',
      rule: 'ledger.balance',
      corrupt: (b) =>
        sql(
          `INSERT INTO transactions (account_id, kind, side, amount, transaction_date, description) VALUES (?, 'void', 'debit', 1, '2026-03-01', 'stray')`,
          [b.account],
        ),
    },
  ];

  it.each(corruptions)('reports $fact under $rule on its account', async ({ rule, on, spills, corrupt }) => {
    const b = await cleanBooks();
    leaveBooksCorrupt(sut, [b.account, b.other]);
    await corrupt(b);
    const report = await check([b.account, b.other]);
    expect(report.mismatches).toContainEqual(expect.objectContaining({ check: rule, accountId: on === 'other' ? b.other : b.account }));
    // Asked for the other account alone, the checker finds nothing wrong there unless the corruption reached it.
    const elsewhere = (await check([b.other])).mismatches;
    expect({ otherAccountBroken: elsewhere.length > 0 }).toEqual({ otherAccountBroken: spills === true });
  });

  it('fails the test whose money it cannot balance, through the check run after every test', async () => {
    const b = await cleanBooks();
    await checkBooksTouchedByThisTest();
    await sql('UPDATE invoices SET total = total + 1 WHERE id = ?', [b.invoice]);
    await expect(checkBooksTouchedByThisTest()).rejects.toThrow(/invoice\.total/);
    leaveBooksCorrupt(sut, [b.account]);
    await checkBooksTouchedByThisTest();
  });
});

/** The same proof for usage charges: each settled period is charged once, with its own blocks, and each top-off is its own account's debit. */
describe('the invariant checker finds usage charged wrongly', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let sql: (query: string, params?: unknown[]) => Promise<unknown>;
  let dataService: number;
  let other: number;
  let otherCharge: number;

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    w = await new BillingWorld(sut).init();
    sql = (query, params = []) => sut.db.query(query, params);
    await w.today('2026-02-01');
    const overage = await w.service(1000, { kind: 'one_time', name: 'Data overage' });
    const topOff = await w.service(1500, { kind: 'one_time', name: 'Data top off' });
    const policy = await w
      .post('/api/usage-policies', {
        name: 'Checked 10 GB',
        capGb: '10',
        overageServiceId: overage,
        overageBlockGb: '1',
        topOffsAllowed: true,
        topOffGb: '5',
        topOffServiceId: topOff,
      })
      .expect(201);
    dataService = await w.service(3000, { kind: 'data' });
    await w.put(`/api/services/${dataService}`, { usagePolicyId: policy.body.id }).expect(200);
    other = await w.account();
    otherCharge = Number(
      (await w.post('/api/transactions/one-time', { accountId: other, serviceId: overage, price: 900 }).expect(201)).body.transaction.id,
    );
  });
  afterAll(() => sut.close());

  const check = (accountIds: number[]) => sut.app.get(InvariantCheckerService).check('2099-12-31', accountIds);

  /** An account whose February ran 2.5 GB over a 10 GB cap, settled on 1 March (3 blocks), with a top-off bought in March. */
  async function usageBooks(): Promise<{ account: number; settlement: number; overage: number; topOff: number }> {
    await w.today('2026-02-01');
    const account = await w.account();
    await w.addService(account, dataService, '2026-02-01', { prorate: false });
    await sql('INSERT INTO usage_hours (account_id, hour_start, upload_octets, download_octets) VALUES (?, ?, ?, ?)', [
      account,
      '2026-02-10 12:00:00',
      '500000000',
      '12000000000',
    ]);
    await w.today('2026-03-01');
    await w.generate(account, '2026-03-01');
    const [s] = (await sut.db.query('SELECT id, overage_transaction_id, overage_blocks FROM usage_settlements WHERE account_id = ?', [
      account,
    ])) as {
      id: number;
      overage_transaction_id: number;
      overage_blocks: number;
    }[];
    expect(Number(s.overage_blocks)).toBe(3);
    await w.today('2026-03-05');
    const topOff = (await w.post(`/api/accounts/${account}/usage-top-offs`).expect(201)).body;
    expect((await check([account, other])).mismatches).toEqual([]);
    return { account, settlement: Number(s.id), overage: Number(s.overage_transaction_id), topOff: Number(topOff.topOffId) };
  }

  const corruptions: { fact: string; rule: string; corrupt: (b: Awaited<ReturnType<typeof usageBooks>>) => Promise<unknown> }[] = [
    {
      fact: 'a settled period charged a second time',
      rule: 'usage.charged_once',
      corrupt: (b) =>
        sql(
          `INSERT INTO transactions (account_id, kind, side, amount, transaction_date, description, service_id, quantity, period_start, period_end)
           SELECT account_id, kind, side, amount, transaction_date, description, service_id, quantity, period_start, period_end FROM transactions WHERE id = ?`,
          [b.overage],
        ),
    },
    {
      fact: 'a settlement counting other blocks than it charged',
      rule: 'usage.overage_blocks',
      corrupt: (b) => sql('UPDATE usage_settlements SET overage_blocks = overage_blocks + 1 WHERE id = ?', [b.settlement]),
    },
    {
      fact: 'a settlement pointing at another account’s charge',
      rule: 'usage.overage_charge',
      corrupt: (b) => sql('UPDATE usage_settlements SET overage_transaction_id = ? WHERE id = ?', [otherCharge, b.settlement]),
    },
    {
      fact: 'a top-off pointing at another account’s charge',
      rule: 'usage.top_off_charge',
      corrupt: (b) => sql('UPDATE usage_top_offs SET transaction_id = ? WHERE id = ?', [otherCharge, b.topOff]),
    },
  ];

  it.each(corruptions)('reports $fact under $rule on its account', async ({ rule, corrupt }) => {
    const b = await usageBooks();
    leaveBooksCorrupt(sut, [b.account, other]);
    await corrupt(b);
    const report = await check([b.account]);
    expect(report.mismatches).toContainEqual(expect.objectContaining({ check: rule, accountId: b.account }));
  });
});
