import type { Client } from '@temporalio/client';
import { billRunWorkflow } from '../../workflows/bill-run.workflow';
import { workflowIds } from '../../workflows/shared';
import { BillingWorld } from '../billing/billing-world';
import type { TestApp } from '../support/test-app';
import { isolatedTemporalApp } from './isolated-temporal-app';

/** A recurring charge on an invoice: first day, last day, amount in cents. */
type Line = [string, string, number];

interface Row {
  name: string;
  settings: Record<string, unknown>;
  /** Anniversary mode: the day the account was activated. */
  activatedOn?: string;
  added: string;
  removed?: string;
  prorate?: boolean;
  /** Three consecutive billing days and the recurring charges each run's invoice must carry ([] = no invoice). */
  runs: [string, Line[]][];
}

const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const FIXED_1ST = { billingMode: 'fixed', invoiceDay: 1, billDay: 1 };
const FIXED_28TH = { billingMode: 'fixed', invoiceDay: 28, billDay: 28 };
const ANNIVERSARY = { billingMode: 'anniversary' };
const ADVANCE = { billTiming: 'advance' };
const ARREARS = { billTiming: 'arrears' };

/**
 * Every row is a $30.00 service (3000 cents), prorated by days unless it says not,
 * half-up to the cent, with its amounts worked out by hand in the comment beside it.
 * Each row lives in a year of its own, so the runs of one row never meet another
 * row's billing days.
 */
const rows: Row[] = [
  {
    name: 'advance, added the day before the billing day',
    settings: { ...FIXED_1ST, ...ADVANCE },
    added: '2031-03-31',
    runs: [
      // 1 of March's 31 days: 3000 / 31 = 96.77 → 97, charged when added and carried by the next invoice.
      [
        '2031-04-01',
        [
          ['2031-03-31', '2031-03-31', 97],
          ['2031-04-01', '2031-04-30', 3000],
        ],
      ],
      ['2031-05-01', [['2031-05-01', '2031-05-31', 3000]]],
      ['2031-06-01', [['2031-06-01', '2031-06-30', 3000]]],
    ],
  },
  {
    name: 'advance, added on the billing day',
    settings: { ...FIXED_1ST, ...ADVANCE },
    added: '2032-04-01',
    runs: [
      ['2032-04-01', [['2032-04-01', '2032-04-30', 3000]]],
      ['2032-05-01', [['2032-05-01', '2032-05-31', 3000]]],
      ['2032-06-01', [['2032-06-01', '2032-06-30', 3000]]],
    ],
  },
  {
    name: 'advance, added on the billing day without proration',
    settings: { ...FIXED_1ST, ...ADVANCE },
    added: '2033-04-01',
    prorate: false,
    runs: [
      ['2033-04-01', [['2033-04-01', '2033-04-30', 3000]]],
      ['2033-05-01', [['2033-05-01', '2033-05-31', 3000]]],
      ['2033-06-01', [['2033-06-01', '2033-06-30', 3000]]],
    ],
  },
  {
    name: 'advance, added the day after the billing day',
    settings: { ...FIXED_1ST, ...ADVANCE },
    added: '2034-04-02',
    runs: [
      ['2034-04-01', []],
      // 29 of April's 30 days: 3000 × 29 / 30 = 2900, charged when added.
      [
        '2034-05-01',
        [
          ['2034-04-02', '2034-04-30', 2900],
          ['2034-05-01', '2034-05-31', 3000],
        ],
      ],
      ['2034-06-01', [['2034-06-01', '2034-06-30', 3000]]],
    ],
  },
  {
    name: 'advance, removed on the billing day',
    settings: { ...FIXED_1ST, ...ADVANCE },
    added: '2035-04-01',
    removed: '2035-05-01',
    runs: [
      ['2035-04-01', [['2035-04-01', '2035-04-30', 3000]]],
      ['2035-05-01', []],
      ['2035-06-01', []],
    ],
  },
  {
    name: 'advance, added and removed on the billing day',
    settings: { ...FIXED_1ST, ...ADVANCE },
    added: '2036-04-01',
    removed: '2036-04-01',
    runs: [
      ['2036-04-01', []],
      ['2036-05-01', []],
      ['2036-06-01', []],
    ],
  },
  {
    name: 'arrears, added the day before the billing day',
    settings: { ...FIXED_1ST, ...ARREARS },
    added: '2037-03-31',
    runs: [
      // 1 of March's 31 days: 3000 / 31 = 96.77 → 97.
      ['2037-04-01', [['2037-03-31', '2037-03-31', 97]]],
      ['2037-05-01', [['2037-04-01', '2037-04-30', 3000]]],
      ['2037-06-01', [['2037-05-01', '2037-05-31', 3000]]],
    ],
  },
  {
    name: 'arrears, added on the billing day',
    settings: { ...FIXED_1ST, ...ARREARS },
    added: '2038-04-01',
    runs: [
      ['2038-04-01', []],
      ['2038-05-01', [['2038-04-01', '2038-04-30', 3000]]],
      ['2038-06-01', [['2038-05-01', '2038-05-31', 3000]]],
    ],
  },
  {
    name: 'arrears, added the day after the billing day',
    settings: { ...FIXED_1ST, ...ARREARS },
    added: '2039-04-02',
    runs: [
      ['2039-04-01', []],
      // 29 of April's 30 days: 3000 × 29 / 30 = 2900.
      ['2039-05-01', [['2039-04-02', '2039-04-30', 2900]]],
      ['2039-06-01', [['2039-05-01', '2039-05-31', 3000]]],
    ],
  },
  {
    name: 'arrears, removed on the billing day',
    settings: { ...FIXED_1ST, ...ARREARS },
    added: '2040-04-01',
    removed: '2040-05-01',
    runs: [
      ['2040-04-01', []],
      ['2040-05-01', [['2040-04-01', '2040-04-30', 3000]]],
      ['2040-06-01', []],
    ],
  },
  {
    name: 'arrears, added and removed the same day mid-period',
    settings: { ...FIXED_1ST, ...ARREARS },
    added: '2041-04-10',
    removed: '2041-04-10',
    runs: [
      ['2041-04-01', []],
      ['2041-05-01', []],
      ['2041-06-01', []],
    ],
  },
  {
    name: 'advance, billing day 28, added after a 28-day February',
    settings: { ...FIXED_28TH, ...ADVANCE },
    added: '2042-03-01',
    runs: [
      ['2042-02-28', []],
      // 28 Feb – 27 Mar is 28 days; 1–27 March are 27 of them: 3000 × 27 / 28 = 2892.86 → 2893.
      [
        '2042-03-28',
        [
          ['2042-03-01', '2042-03-27', 2893],
          ['2042-03-28', '2042-04-27', 3000],
        ],
      ],
      ['2042-04-28', [['2042-04-28', '2042-05-27', 3000]]],
    ],
  },
  {
    name: 'advance, billing day 28, added after a 29-day February',
    settings: { ...FIXED_28TH, ...ADVANCE },
    added: '2044-03-01',
    runs: [
      ['2044-02-28', []],
      // 28 Feb – 27 Mar 2044 is 29 days; 1–27 March are 27 of them: 3000 × 27 / 29 = 2793.10 → 2793.
      [
        '2044-03-28',
        [
          ['2044-03-01', '2044-03-27', 2793],
          ['2044-03-28', '2044-04-27', 3000],
        ],
      ],
      ['2044-04-28', [['2044-04-28', '2044-05-27', 3000]]],
    ],
  },
  {
    name: 'advance, billing day 28, added in a 30-day period',
    settings: { ...FIXED_28TH, ...ADVANCE },
    added: '2045-05-01',
    runs: [
      ['2045-04-28', []],
      // 28 Apr – 27 May is 30 days; 1–27 May are 27 of them: 3000 × 27 / 30 = 2700.
      [
        '2045-05-28',
        [
          ['2045-05-01', '2045-05-27', 2700],
          ['2045-05-28', '2045-06-27', 3000],
        ],
      ],
      ['2045-06-28', [['2045-06-28', '2045-07-27', 3000]]],
    ],
  },
  {
    name: 'advance, billing day 28, added in a 31-day period',
    settings: { ...FIXED_28TH, ...ADVANCE },
    added: '2046-02-01',
    runs: [
      ['2046-01-28', []],
      // 28 Jan – 27 Feb is 31 days; 1–27 February are 27 of them: 3000 × 27 / 31 = 2612.90 → 2613.
      [
        '2046-02-28',
        [
          ['2046-02-01', '2046-02-27', 2613],
          ['2046-02-28', '2046-03-27', 3000],
        ],
      ],
      ['2046-03-28', [['2046-03-28', '2046-04-27', 3000]]],
    ],
  },
  {
    name: 'arrears, billing day 28, removed across a 28-day February',
    settings: { ...FIXED_28TH, ...ARREARS },
    added: '2047-01-28',
    removed: '2047-03-10',
    runs: [
      ['2047-02-28', [['2047-01-28', '2047-02-27', 3000]]],
      // 28 Feb – 27 Mar is 28 days; 28 Feb – 9 Mar used 10 of them: 3000 × 10 / 28 = 1071.43 → 1071.
      ['2047-03-28', [['2047-02-28', '2047-03-09', 1071]]],
      ['2047-04-28', []],
    ],
  },
  {
    name: 'arrears, billing day 28, removed across a 29-day February',
    settings: { ...FIXED_28TH, ...ARREARS },
    added: '2048-01-28',
    removed: '2048-03-10',
    runs: [
      ['2048-02-28', [['2048-01-28', '2048-02-27', 3000]]],
      // 28 Feb – 27 Mar 2048 is 29 days; 28 Feb – 9 Mar used 11 of them: 3000 × 11 / 29 = 1137.93 → 1138.
      ['2048-03-28', [['2048-02-28', '2048-03-09', 1138]]],
      ['2048-04-28', []],
    ],
  },
  {
    name: 'anniversary, activated on the 31st so billed on the 28th, added on that day',
    settings: { ...ANNIVERSARY, ...ADVANCE },
    activatedOn: '2049-01-31',
    added: '2049-03-28',
    runs: [
      ['2049-03-28', [['2049-03-28', '2049-04-27', 3000]]],
      ['2049-04-28', [['2049-04-28', '2049-05-27', 3000]]],
      ['2049-05-28', [['2049-05-28', '2049-06-27', 3000]]],
    ],
  },
  {
    name: 'anniversary, activated on the 15th, added the day after its billing day',
    settings: { ...ANNIVERSARY, ...ADVANCE },
    activatedOn: '2050-01-15',
    added: '2050-04-16',
    runs: [
      ['2050-04-15', []],
      // 16 Apr – 14 May are 29 of the period's 30 days: 3000 × 29 / 30 = 2900.
      [
        '2050-05-15',
        [
          ['2050-04-16', '2050-05-14', 2900],
          ['2050-05-15', '2050-06-14', 3000],
        ],
      ],
      ['2050-06-15', [['2050-06-15', '2050-07-14', 3000]]],
    ],
  },
  {
    name: 'anniversary in arrears, removed on its billing day',
    settings: { ...ANNIVERSARY, ...ARREARS },
    activatedOn: '2051-01-15',
    added: '2051-04-15',
    removed: '2051-06-15',
    runs: [
      ['2051-05-15', [['2051-04-15', '2051-05-14', 3000]]],
      ['2051-06-15', [['2051-05-15', '2051-06-14', 3000]]],
      ['2051-07-15', []],
    ],
  },
];

describe('service dates around the billing day, through three bill runs each', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let client: Client;
  let close: () => Promise<void>;
  let service: number;

  beforeAll(async () => {
    // A row's first invoice can be one day's proration; the spike bound would park the full month after it, and is not what these rows test.
    ({ sut, client, close } = await isolatedTemporalApp({ BILL_RUN_SPIKE_PERCENT: '100000' }));
    w = await new BillingWorld(sut).init();
    service = await w.service(3000);
  });
  afterAll(async () => {
    await close();
  });

  const linesOf = async (account: number, date: string): Promise<Line[] | null> => {
    const [invoice]: { id: number }[] = await sut.db.query('SELECT id FROM invoices WHERE account_id = ? AND generated_for = ?', [
      account,
      date,
    ]);
    if (!invoice) return null;
    const charges: { period_start: string; period_end: string; amount: string }[] = await sut.db.query(
      `SELECT DATE_FORMAT(period_start, '%Y-%m-%d') AS period_start, DATE_FORMAT(period_end, '%Y-%m-%d') AS period_end, amount
         FROM transactions WHERE invoice_id = ? AND kind = 'debit' AND account_service_id IS NOT NULL ORDER BY period_start`,
      [invoice.id],
    );
    return charges.map((c) => [c.period_start, c.period_end, Number(c.amount)]);
  };

  it.each(rows)('$name', async ({ settings, activatedOn, added, removed, prorate, runs }) => {
    await w.today(added);
    const account = await w.account(settings);
    if (activatedOn) await sut.db.query('UPDATE accounts SET activated_at = ? WHERE id = ?', [`${activatedOn} 12:00:00`, account]);
    const row = await w.addService(account, service, added, prorate === undefined ? {} : { prorate });
    if (removed) await w.post(`/api/account-services/${row.id}/remove`, { date: removed }).expect(200);

    for (const [date, expected] of runs) {
      await w.today(date);
      await client.workflow.execute(billRunWorkflow, {
        taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
        workflowId: workflowIds.billRun(date),
        args: [{ date, startedBy: null }],
      });
      expect({ date, lines: await linesOf(account, date) }).toEqual({ date, lines: expected.length ? expected : null });
      await w.expectBooksBalance([account]);
    }

    // The later rows' bill runs share this database; a service still running here would be billed by them
    // across the years between, so it ends the day after its last charged day, which must neither charge
    // nor credit anything.
    const countRows = async () =>
      Number((await sut.db.query('SELECT COUNT(*) AS n FROM transactions WHERE account_id = ?', [account]))[0].n);
    const before = await countRows();
    const lastDay = runs
      .flatMap(([, lines]) => lines.map(([, end]) => end))
      .sort()
      .at(-1);
    if (!removed && lastDay) await w.post(`/api/account-services/${row.id}/remove`, { date: nextDay(lastDay) }).expect(200);
    expect(await countRows()).toBe(before);
    await w.expectBooksBalance([account]);
  });
});
