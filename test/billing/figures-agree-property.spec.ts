import fc from 'fast-check';
import { addDays, addMonths } from '../../src/billing/billing-calendar';
import { formatMoney } from '../../src/common/money';
import { MergeValuesService } from '../../src/correspondence-templates/merge-values.service';
import { centsFromText, PdfScratch, squeeze } from '../documents/pdf-text';
import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld } from './billing-world';
import { downloadPdf, printedFigures } from './pdf-figures';

/**
 * The same sequences on every run, so a red run in CI is a bug and not a draw. The
 * default is the seed that found days lost between an invoice generated ahead and a
 * service added after it. Explore with FIGURES_PROPERTY_SEED=<any integer>; the seed
 * is printed when the file starts, and a failure replays with it.
 */
const SEED = process.env.FIGURES_PROPERTY_SEED ? Number(process.env.FIGURES_PROPERTY_SEED) : 1675591600;

/** The day every sequence starts on. */
const START = '2024-03-01';

type Op =
  | { op: 'add'; who: number; service: number }
  | { op: 'remove'; pick: number }
  | { op: 'oneTime'; who: number; price: number }
  | { op: 'pay'; who: number; amount: number }
  | { op: 'adjust'; who: number; credit: boolean; amount: number }
  | { op: 'generate'; who: number; ahead: boolean }
  | { op: 'manualInvoice'; who: number; price: number }
  | { op: 'voidInvoice'; pick: number }
  | { op: 'reverse'; pick: number }
  | { op: 'advance'; days: number };

const who = fc.integer({ min: 0, max: 1 });
const pick = fc.nat(1000);
const cents = fc.integer({ min: 1, max: 40_000 });

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('add' as const), who, service: fc.nat(2) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('remove' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('oneTime' as const), who, price: cents }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('pay' as const), who, amount: cents }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('adjust' as const), who, credit: fc.boolean(), amount: cents }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('generate' as const), who, ahead: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('manualInvoice' as const), who, price: cents }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('voidInvoice' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('reverse' as const), pick }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 35 }) }), weight: 2 },
);

interface Figures {
  dueNow: number;
  balanceDue: number;
  availableCredits: number;
  totalBalance: number;
  nextRecurringCharge: number;
  uninvoiced: number;
  nextBillingDate: string | null;
}

interface ListedInvoice {
  id: number;
  number: string;
  dueDate: string;
  remaining: number;
  void: boolean;
  parentInvoiceId: number | null;
}

/**
 * After random sequences of billing operations on a parent and its child, every
 * place an account's figures are shown says the same: the figures endpoint (the
 * banner and the Overview's Due now card), the header's next billing date, the
 * invoice lists, the email merge values, and the summary printed on the invoice,
 * statement and receipt PDFs read back with pdftotext.
 */
describe('every figure agrees wherever it is shown', () => {
  let sut: TestApp;
  let w: BillingWorld;
  const pdfs = new PdfScratch();

  beforeAll(async () => {
    process.stderr.write(`figures-agree property: seed ${SEED} (replay with FIGURES_PROPERTY_SEED=${SEED})\n`);
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(async () => {
    pdfs.close();
    await sut.close();
  });

  it('holds for random sequences of operations', async () => {
    await w.today(START);
    const tax = await w.tax(82500);
    const services = [await w.service(2999, { taxIds: [tax] }), await w.service(4550), await w.service(1000, { taxIds: [tax] })];
    const oneTime = await w.service(1500, { kind: 'one_time', taxIds: [tax] });
    const creditAdj = await w.service(500, { kind: 'adjustment', adjustmentSide: 'credit' });
    const debitAdj = await w.service(500, { kind: 'adjustment', adjustmentSide: 'debit' });
    const filter = (f: object) => encodeURIComponent(JSON.stringify(f));

    const invoicesOf = async (f: object): Promise<ListedInvoice[]> =>
      (await w.get(`/api/invoices?filter=${filter(f)}&range=[0,999]`).expect(200)).body;

    /** Compares every place one account's figures show up; returns a description of each disagreement. */
    const disagreements = async (accountId: number, today: string): Promise<string[]> => {
      const out: string[] = [];
      const same = (where: string, expected: unknown, actual: unknown) => {
        if (JSON.stringify(expected) !== JSON.stringify(actual))
          out.push(`account ${accountId}, ${where}: expected ${JSON.stringify(expected)}, shown ${JSON.stringify(actual)}`);
      };
      const f = (await w.get(`/api/accounts/${accountId}/billing-figures`).expect(200)).body as Figures;
      const printable = {
        asOf: today,
        dueNow: f.dueNow,
        balanceDue: f.balanceDue,
        availableCredits: f.availableCredits,
        totalBalance: f.totalBalance,
        nextRecurringCharge: f.nextRecurringCharge,
        nextBillingDate: f.nextBillingDate,
      };

      const header = (await w.get(`/api/accounts/${accountId}/header`).expect(200)).body as { nextBillingDate: string | null };
      same('header next billing date', f.nextBillingDate, header.nextBillingDate);

      // The invoice lists: its own invoices not carried by a parent, and its children's it carries.
      const own = await invoicesOf({ accountId });
      const carried = await invoicesOf({ childrenOfAccountId: accountId });
      const payable = [...own.filter((i) => i.parentInvoiceId === null), ...carried].filter((i) => !i.void);
      same(
        'invoice list balance due',
        f.balanceDue,
        payable.reduce((s, i) => s + i.remaining, 0),
      );
      same(
        'invoice list due now',
        f.dueNow,
        payable.filter((i) => i.dueDate <= today).reduce((s, i) => s + i.remaining, 0),
      );

      const merge = await sut.app.get(MergeValuesService).values(sut.db.manager, { accountId });
      same(
        'email merge values',
        [f.dueNow, f.balanceDue, f.availableCredits, f.totalBalance]
          .map((cents) => formatMoney(cents, 'USD'))
          .concat(f.nextBillingDate ?? ''),
        [merge['account.due_now'], merge['account.balance_due'], merge['account.available_credits'], merge['account.total_balance']].concat(
          merge['account.next_billing_date'],
        ),
      );

      const latest = own.sort((a, b) => b.id - a.id)[0];
      if (latest) {
        const invoicePages = await pdfs.pages(await downloadPdf(sut, w.token, `/api/invoices/${latest.id}/invoice.pdf`));
        same(`invoice ${latest.number} PDF summary`, printable, printedFigures(invoicePages));
        const remaining = /Remaining due (-?[\d,]+\.\d{2}) USD/.exec(squeeze(invoicePages.join('\n')));
        same(`invoice ${latest.number} PDF remaining`, latest.remaining, remaining ? centsFromText(remaining[1]) : null);
        const statementPages = await pdfs.pages(await downloadPdf(sut, w.token, `/api/invoices/${latest.id}/statement.pdf`));
        same(`statement of ${latest.number} PDF summary`, printable, printedFigures(statementPages));
      }
      const credits = (await w.transactions(accountId)).filter((t) => t.side === 'credit');
      const payment = credits[credits.length - 1];
      if (payment) {
        const receiptPages = await pdfs.pages(await downloadPdf(sut, w.token, `/api/transactions/${payment.id}/receipt.pdf`));
        same(`receipt ${payment.id} PDF summary`, printable, printedFigures(receiptPages));
      }
      return out;
    };

    await expect(
      fc.assert(
        fc.asyncProperty(
          fc.array(opArb, { minLength: 3, maxLength: 12 }),
          fc.constantFrom('advance', 'arrears'),
          fc.constantFrom('fixed', 'anniversary'),
          fc.integer({ min: 1, max: 28 }),
          fc.integer({ min: 1, max: 31 }),
          async (ops, billTiming, billingMode, invoiceDay, activationDay) => {
            let today = START;
            await w.today(today);
            const settings = { billTiming, billingMode, invoiceDay, billDay: invoiceDay };
            const parent = await w.account(settings);
            const child = await w.account(settings);
            const accounts = [parent, child];
            // A fixed activation day, so an anniversary account's anchor does not depend on the day the test runs.
            await sut.db.query('UPDATE accounts SET activated_at = ? WHERE id IN (?)', [
              `2024-01-${String(activationDay).padStart(2, '0')} 12:00:00`,
              accounts,
            ]);
            await w.post(`/api/accounts/${parent}/child-accounts`, { childAccountId: child }).expect(201);
            const choose = <T>(items: T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);
            const allInvoices = async () => [...(await invoicesOf({ accountId: parent })), ...(await invoicesOf({ accountId: child }))];

            for (const op of ops) {
              let res: { status: number; body: unknown } | undefined;
              switch (op.op) {
                case 'add':
                  res = await w.post('/api/account-services', {
                    accountId: accounts[op.who],
                    serviceId: services[op.service],
                    date: today,
                  });
                  break;
                case 'remove': {
                  const rows: { id: number; removedOn: string | null }[] = [];
                  for (const id of accounts)
                    rows.push(...(await w.get(`/api/account-services?filter=${filter({ accountId: id })}&range=[0,999]`).expect(200)).body);
                  const row = choose(
                    rows.filter((r) => r.removedOn === null),
                    op.pick,
                  );
                  if (row) res = await w.post(`/api/account-services/${row.id}/remove`, { date: today });
                  break;
                }
                case 'oneTime':
                  res = await w.post('/api/transactions/one-time', { accountId: accounts[op.who], serviceId: oneTime, price: op.price });
                  break;
                case 'pay':
                  res = await w.post('/api/payments', { accountId: accounts[op.who], method: 'cash', amount: op.amount });
                  break;
                case 'adjust':
                  res = await w.post('/api/transactions/adjustments', {
                    accountId: accounts[op.who],
                    serviceId: op.credit ? creditAdj : debitAdj,
                    amount: op.amount,
                  });
                  break;
                case 'generate': {
                  // Ahead: on the next billing date the figures give, as a bill run would, which may be next month.
                  const next = ((await w.figures(accounts[op.who])) as unknown as Figures).nextBillingDate;
                  const billingDate = op.ahead && next ? next : today;
                  // In production the bill run has invoiced every billing day already passed before a clerk generates an
                  // invoice; those days come first here too, or the invoice would jump over periods no run billed.
                  const passed: string[] = [];
                  if (next) for (let day = addMonths(next, -1); day >= START; day = addMonths(day, -1)) passed.unshift(day);
                  for (const day of passed.filter((d) => d < billingDate)) {
                    const caughtUp = await w.post(`/api/accounts/${accounts[op.who]}/invoices/generate`, { billingDate: day });
                    if (caughtUp.status >= 500)
                      throw new Error(`generating ${day} answered ${caughtUp.status}: ${JSON.stringify(caughtUp.body)}`);
                  }
                  res = await w.post(`/api/accounts/${accounts[op.who]}/invoices/generate`, { billingDate });
                  break;
                }
                case 'manualInvoice':
                  res = await w.post('/api/invoices', {
                    accountId: accounts[op.who],
                    lines: [{ serviceId: oneTime, price: op.price }],
                    includeUninvoiced: true,
                  });
                  break;
                case 'voidInvoice': {
                  const inv = choose(await allInvoices(), op.pick);
                  if (inv) res = await w.post(`/api/invoices/${inv.id}/void`);
                  break;
                }
                case 'reverse': {
                  const debits = [];
                  for (const id of accounts)
                    debits.push(...(await w.transactions(id)).filter((t) => t.side === 'debit' && t.kind !== 'void'));
                  const t = choose(debits, op.pick);
                  if (t) res = await w.post(`/api/transactions/${t.id}/reverse`);
                  break;
                }
                case 'advance':
                  today = addDays(today, op.days);
                  await w.today(today);
                  break;
              }
              if (res && res.status >= 500) throw new Error(`${JSON.stringify(op)} answered ${res.status}: ${JSON.stringify(res.body)}`);
            }
            const found = [...(await disagreements(parent, today)), ...(await disagreements(child, today))];
            if (found.length) throw new Error(`after ${JSON.stringify(ops)}:\n${found.join('\n')}`);
            await w.expectBooksBalance(accounts);
          },
        ),
        { numRuns: 6, seed: SEED, endOnFailure: true },
      ),
    ).resolves.toBeUndefined();
  }, 300_000);
});
