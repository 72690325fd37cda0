import { MockActivityEnvironment } from '@temporalio/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { BillBatchResult, BillRunActivities } from '../../src/bill-runs/bill-run.activities';
import { addDays, periodContaining } from '../../src/billing/billing-calendar';
import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { createTestApp, TestApp } from '../support/test-app';
import { BillingWorld, InvoiceBody } from './billing-world';

/**
 * The same sequences on every run, so CI is deterministic. To explore, run with another
 * seed (BOOKS_PROPERTY_SEED=<any integer>) and more runs (BOOKS_PROPERTY_RUNS=<n>); the
 * seed is in the test's name, and a failure names the seed and path that replay it.
 */
const DEFAULT_SEED = 20261201;
const seed = process.env.BOOKS_PROPERTY_SEED ? Number(process.env.BOOKS_PROPERTY_SEED) : DEFAULT_SEED;
const runs = process.env.BOOKS_PROPERTY_RUNS ? Number(process.env.BOOKS_PROPERTY_RUNS) : 24;

type Op =
  | { op: 'add'; who: number; service: number; quantity: number; override: number | null }
  | { op: 'remove'; pick: number }
  | { op: 'oneTime'; who: number; price: number }
  | { op: 'pay'; who: number; amount: number }
  | { op: 'adjust'; who: number; credit: boolean; amount: number }
  | { op: 'generate'; who: number }
  | { op: 'manualInvoice'; who: number; price: number }
  | { op: 'reverse'; pick: number }
  | { op: 'voidCredit'; pick: number }
  | { op: 'voidInvoice'; pick: number }
  | { op: 'freeze'; pick: number }
  | { op: 'applyCredits'; pick: number; percent: number }
  | { op: 'deleteInvoice'; pick: number }
  | { op: 'linkInvoice'; pick: number; child: number }
  | { op: 'unlinkInvoice'; pick: number }
  | { op: 'advance'; days: number }
  | { op: 'addAroundBillingDay'; who: number; service: number; offset: number }
  | { op: 'removeAroundBillingDay'; pick: number; offset: number }
  | { op: 'billRun' };

/**
 * Credit is applied automatically wherever it meets an open invoice the account pays
 * (payments, credits, new invoices, unfreezing, unlinking all apply it), so applying it
 * by hand always finds nothing left to apply and is refused. The step still runs, to
 * prove its refusals write nothing.
 */
const REFUSED_BY_DESIGN: Op['op'][] = ['applyCredits'];

const KINDS: Op['op'][] = [
  'add',
  'remove',
  'oneTime',
  'pay',
  'adjust',
  'generate',
  'manualInvoice',
  'reverse',
  'voidCredit',
  'voidInvoice',
  'freeze',
  'applyCredits',
  'deleteInvoice',
  'linkInvoice',
  'unlinkInvoice',
  'advance',
  'addAroundBillingDay',
  'removeAroundBillingDay',
  'billRun',
];

const who = fc.integer({ min: 0, max: 2 });
const pick = fc.nat(1000);
const cents = fc.integer({ min: 1, max: 50_000 });
/** The day before the next billing day, the billing day itself, or the day after. */
const offset = fc.integer({ min: -1, max: 1 });

/** Today when it is a billing day, otherwise the next one. */
function nextBillingDay(today: string, invoiceDay: number): string {
  const period = periodContaining(today, invoiceDay);
  return period.start === today ? today : period.end;
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    who,
    service: fc.nat(3),
    quantity: fc.integer({ min: 1, max: 3 }),
    override: fc.option(cents, { nil: null }),
  }),
  fc.record({ op: fc.constant('remove' as const), pick }),
  fc.record({ op: fc.constant('oneTime' as const), who, price: cents }),
  fc.record({ op: fc.constant('pay' as const), who, amount: cents }),
  fc.record({ op: fc.constant('adjust' as const), who, credit: fc.boolean(), amount: cents }),
  { arbitrary: fc.record({ op: fc.constant('generate' as const), who }), weight: 2 },
  fc.record({ op: fc.constant('manualInvoice' as const), who, price: cents }),
  fc.record({ op: fc.constant('reverse' as const), pick }),
  fc.record({ op: fc.constant('voidCredit' as const), pick }),
  fc.record({ op: fc.constant('voidInvoice' as const), pick }),
  fc.record({ op: fc.constant('freeze' as const), pick }),
  // A share of what could be applied; above 100 % the request asks for too much and must be refused.
  fc.record({ op: fc.constant('applyCredits' as const), pick, percent: fc.integer({ min: 1, max: 120 }) }),
  // Steps that need invoices of a certain kind to exist come up more often, so each succeeds within the runs.
  { arbitrary: fc.record({ op: fc.constant('deleteInvoice' as const), pick }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('linkInvoice' as const), pick, child: pick }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('unlinkInvoice' as const), pick }), weight: 2 },
  fc.record({ op: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('addAroundBillingDay' as const), who, service: fc.nat(3), offset }),
  fc.record({ op: fc.constant('removeAroundBillingDay' as const), pick, offset }),
  fc.record({ op: fc.constant('billRun' as const) }),
);

/**
 * Random sequences of everything a clerk and the bill run do, on a parent with
 * two children, with random taxes and settings. After every single step the
 * invariant checker must find nothing, and no step may answer with a 5xx. Every
 * kind of step must also succeed at least once over the runs: a sequence refused
 * throughout would balance without proving anything.
 */
describe('the books balance after any sequence of billing operations', () => {
  let sut: TestApp;
  let w: BillingWorld;

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
  });
  afterAll(() => sut.close());

  it(`holds for random sequences (seed ${seed}, ${runs} runs)`, async () => {
    const succeeded = new Map<Op['op'], number>();
    const tally = (kind: Op['op']) => succeeded.set(kind, (succeeded.get(kind) ?? 0) + 1);
    const bill = new MockActivityEnvironment();
    const activities = sut.app.get(BillRunActivities);
    await w.today('2023-01-01');
    const taxA = await w.tax(82500);
    const taxB = await w.tax(12345);
    const services = [
      await w.service(2999, { taxIds: [taxA] }),
      await w.service(4550, { taxIds: [taxA, taxB] }),
      await w.service(1000),
      await w.service(7777, { kind: 'data', taxIds: [taxB] }),
    ];
    const oneTime = await w.service(1500, { kind: 'one_time', taxIds: [taxA, taxB] });
    const creditAdj = await w.service(500, { kind: 'adjustment', adjustmentSide: 'credit', taxIds: [taxA] });
    const debitAdj = await w.service(500, { kind: 'adjustment', adjustmentSide: 'debit' });

    await expect(
      fc.assert(
        fc.asyncProperty(
          fc.array(opArb, { minLength: 10, maxLength: 40 }),
          fc.constantFrom('advance', 'arrears'),
          fc.constantFrom('cent', 'unit'),
          fc.integer({ min: 1, max: 28 }),
          async (ops, billTiming, prorationRounding, invoiceDay) => {
            let today = '2023-01-01';
            await w.today(today);
            const settings = { billTiming, prorationRounding, invoiceDay };
            const parent = await w.account(settings);
            const accounts = [parent, await w.account(settings), await w.account({ ...settings, taxExempt: true })];
            for (const child of accounts.slice(1))
              await w.post(`/api/accounts/${parent}/child-accounts`, { childAccountId: child }).expect(201);
            const filter = (f: object) => encodeURIComponent(JSON.stringify(f));
            const listOf = async (path: string, f: object) => {
              const all = [];
              for (const id of accounts)
                all.push(...(await w.get(`${path}?filter=${filter({ ...f, accountId: id })}&range=[0,999]`).expect(200)).body);
              return all as { id: number; kind?: string; side?: string; manual?: boolean }[];
            };
            const choose = <T>(items: T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);

            /** Moves today forward to the date when it lies ahead; a date behind today is back-dating. */
            const reach = async (date: string) => {
              if (date > today) {
                today = date;
                await w.today(today);
              }
            };

            for (const op of ops) {
              let res: { status: number; body: unknown } | undefined;
              switch (op.op) {
                case 'add':
                  res = await w.post('/api/account-services', {
                    accountId: accounts[op.who],
                    serviceId: services[op.service],
                    quantity: op.quantity,
                    ...(op.override !== null && { priceOverride: op.override }),
                    date: today,
                  });
                  break;
                case 'remove': {
                  const row = choose(await listOf('/api/account-services', {}), op.pick);
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
                case 'generate':
                  res = await w.post(`/api/accounts/${accounts[op.who]}/invoices/generate`, { billingDate: today });
                  break;
                case 'manualInvoice':
                  res = await w.post('/api/invoices', {
                    accountId: accounts[op.who],
                    lines: [{ serviceId: oneTime, price: op.price }],
                    includeUninvoiced: true,
                  });
                  break;
                case 'reverse': {
                  const t = choose(
                    (await listOf('/api/transactions', {})).filter((x) => x.side === 'debit' && x.kind !== 'void'),
                    op.pick,
                  );
                  if (t) res = await w.post(`/api/transactions/${t.id}/reverse`);
                  break;
                }
                case 'voidCredit': {
                  const t = choose(
                    (await listOf('/api/transactions', {})).filter((x) => x.side === 'credit'),
                    op.pick,
                  );
                  if (t) res = await w.post(`/api/transactions/${t.id}/void`);
                  break;
                }
                case 'voidInvoice': {
                  const inv = choose(await listOf('/api/invoices', {}), op.pick);
                  if (inv) res = await w.post(`/api/invoices/${inv.id}/void`);
                  break;
                }
                case 'freeze': {
                  const inv = choose(await listOf('/api/invoices', {}), op.pick) as { id: number; frozen?: boolean } | undefined;
                  if (inv) res = await w.put(`/api/invoices/${inv.id}`, { frozen: !inv.frozen });
                  break;
                }
                case 'applyCredits': {
                  const invoices = (await listOf('/api/invoices', {})) as unknown as InvoiceBody[];
                  const open = invoices.filter((i) => !i.void && !i.frozen && i.remaining > 0);
                  const inv = choose(open.length ? open : invoices, op.pick);
                  if (!inv) break;
                  const payer = invoices.find((i) => i.id === inv.parentInvoiceId)?.accountId ?? inv.accountId;
                  const room = Math.min((await w.figures(payer)).availableCredits, inv.remaining);
                  const amount = Math.max(1, Math.floor((room * op.percent) / 100));
                  res = await w.post(`/api/invoices/${inv.id}/apply-credits`, { amount });
                  break;
                }
                case 'deleteInvoice': {
                  const invoices = (await listOf('/api/invoices', {})) as unknown as InvoiceBody[];
                  const handMade = invoices.filter((i) => i.manual && !i.void && !i.frozen);
                  const inv = choose(handMade.length ? handMade : invoices, op.pick);
                  if (inv) res = await w.delete(`/api/invoices/${inv.id}`);
                  break;
                }
                case 'linkInvoice': {
                  const invoices = (await listOf('/api/invoices', {})) as unknown as InvoiceBody[];
                  const linkable = (i: InvoiceBody) => !i.void && !i.frozen && i.parentInvoiceId === null;
                  const parentInvoice = choose(
                    invoices.filter((i) => i.accountId === parent && linkable(i)),
                    op.pick,
                  );
                  const childInvoice = choose(
                    invoices.filter((i) => i.accountId !== parent && linkable(i)),
                    op.child,
                  );
                  if (parentInvoice && childInvoice)
                    res = await w.post(`/api/invoices/${parentInvoice.id}/child-invoices`, { childInvoiceId: childInvoice.id });
                  break;
                }
                case 'unlinkInvoice': {
                  const invoices = (await listOf('/api/invoices', {})) as unknown as InvoiceBody[];
                  const linked = invoices.filter((i) => i.parentInvoiceId !== null);
                  const inv = choose(linked.length ? linked : invoices, op.pick);
                  if (inv) res = await w.delete(`/api/invoices/${inv.id}/parent-invoice`);
                  break;
                }
                case 'advance':
                  today = addDays(today, op.days);
                  await w.today(today);
                  tally(op.op);
                  break;
                case 'addAroundBillingDay': {
                  const date = addDays(nextBillingDay(today, invoiceDay), op.offset);
                  await reach(date);
                  res = await w.post('/api/account-services', { accountId: accounts[op.who], serviceId: services[op.service], date });
                  break;
                }
                case 'removeAroundBillingDay': {
                  const row = choose(await listOf('/api/account-services', {}), op.pick);
                  const date = addDays(nextBillingDay(today, invoiceDay), op.offset);
                  await reach(date);
                  if (row) res = await w.post(`/api/account-services/${row.id}/remove`, { date });
                  break;
                }
                case 'billRun': {
                  // The bill run's own batch activity, one of these accounts per batch, so no other suite's account is billed.
                  await reach(nextBillingDay(today, invoiceDay));
                  const { billRunId } = await activities.openBillRun({
                    date: today,
                    workflowId: `books-property/${randomUUID()}`,
                    startedBy: null,
                  });
                  let invoices = 0;
                  for (const id of [...accounts].sort((a, b) => a - b)) {
                    const batch = (await bill.run(() =>
                      activities.billAccountsBatch({ billRunId, date: today, afterAccountId: id - 1, upToAccountId: id, limit: 1 }),
                    )) as BillBatchResult;
                    if (batch.failures) throw new Error(`the bill run for ${today} failed account ${id}`);
                    invoices += batch.invoices;
                  }
                  await activities.closeBillRun({ billRunId, status: 'completed' });
                  if (invoices) tally(op.op);
                  break;
                }
              }
              if (res && res.status >= 500) throw new Error(`${JSON.stringify(op)} answered ${res.status}: ${JSON.stringify(res.body)}`);
              if (res && res.status < 300) tally(op.op);
              const report = await sut.app.get(InvariantCheckerService).check(today, accounts);
              if (report.mismatches.length) throw new Error(`after ${JSON.stringify(op)}: ${JSON.stringify(report.mismatches)}`);
            }
          },
        ),
        { numRuns: runs, seed, endOnFailure: true },
      ),
    ).resolves.toBeUndefined();
    const never = KINDS.filter((kind) => !succeeded.get(kind) && !REFUSED_BY_DESIGN.includes(kind));
    if (never.length) {
      throw new Error(`never succeeded: ${never.join(', ')} (successes per kind: ${JSON.stringify(Object.fromEntries(succeeded))})`);
    }
  }, 900_000);
});
