import type { Client } from '@temporalio/client';
import { isolatedTemporalApp } from '../bill-runs/isolated-temporal-app';
import { BillingWorld } from '../billing/billing-world';
import { PdfScratch, squeeze } from '../documents/pdf-text';
import type { TestApp } from '../support/test-app';
import { type CallLine, VoiceBillingWorld } from './voice-billing-world';

/**
 * A month of calls on one voice service, billed by real bill runs, every figure worked by hand.
 *
 * "Home Phone": 10.00 a month in advance, 10 % tax, 4 included minutes (240 s) a month that only
 * outbound calls draw on. Its numbers: +1 212 555 0199 (local) and +1 800 555 0199 (toll-free).
 * Rates in micro-units a minute (a cent is 10,000; a call's exact charge is charged seconds × rate
 * in micro-unit-seconds, and a cent is 600,000 of those):
 *
 *   prefix  direction  $/min    µ/min    min/inc
 *   1       outbound   0.0120   12,000   6/6
 *   1212    outbound   0.0045    4,500   30/6
 *   44      outbound   0.0250   25,000   60/60
 *   447     outbound   0.1450  145,000   60/60
 *   4420    outbound   0.0133   13,300   1/1
 *   1       inbound    0            0   60/60
 *   1800    inbound    0.0190   19,000   1/1
 *
 * Bill run dates are in 2022, a year no other suite bills (run workflow ids name only the date).
 */
const LOCAL = '12125550199';
const TOLL_FREE = '18005550199';

/** A call between one of the subscriber's numbers (`own`) and another party. */
const call = (
  identity: string,
  start: string,
  direction: CallLine['direction'],
  other: string,
  duration: number,
  own = LOCAL,
): CallLine => ({
  identity: `hand-computed-${identity}`,
  start,
  direction,
  from: direction === 'outbound' ? own : other,
  to: direction === 'outbound' ? other : own,
  duration,
});

// Written out of start order on purpose: the included minutes go by when calls started, not by file order.
const MARCH: CallLine[] = [
  call('J', '2022-03-31 23:59:30', 'outbound', '14155550100', 50),
  call('A', '2022-03-02 09:00:00', 'outbound', '12125550100', 37),
  call('C', '2022-03-05 18:30:00', 'outbound', '442079460958', 100),
  call('B', '2022-03-03 10:15:00', 'inbound', '16175550123', 65, TOLL_FREE),
  call('D', '2022-03-07 20:00:00', 'outbound', '447700900123', 61),
  call('E', '2022-03-09 12:00:00', 'outbound', '441632960001', 45),
  call('F', '2022-03-12 08:05:00', 'outbound', '13125550100', 7),
  call('G', '2022-03-15 14:00:00', 'inbound', '447700900555', 300),
  call('H', '2022-03-20 09:30:00', 'outbound', '12125550111', 12),
  call('I', '2022-03-22 16:45:00', 'outbound', '12125550122', 31),
];
// April's first call: a second after midnight UTC, so in April's period, not March's.
const APRIL = [call('K', '2022-04-01 00:00:10', 'outbound', '14155550100', 50)];

type Row = [identity: string, prefix: string, billed: number, included: number, charged: number, chargeMicroSeconds: string];

/** In start order, as the included minutes are spent. */
const HAND: Row[] = [
  // A 37 s to +1 212…: 1212 beats 1; 30/6 → 30 + ⌈7/6⌉×6 = 42; all included (240 − 42 = 198 left).
  ['A', '1212', 42, 42, 0, '0'],
  // B inbound 65 s to the toll-free number: 1800 beats inbound 1; 1/1 → 65; inbound draws nothing;
  //   65 × 19,000 = 1,235,000 (2.058 ¢).
  ['B', '1800', 65, 0, 65, '1235000'],
  // C 100 s to +44 20…: 4420 beats 44; 1/1 → 100; all included (98 left).
  ['C', '4420', 100, 100, 0, '0'],
  // D 61 s to +44 7700…: 447 beats 44; 60/60 → 120; the minutes run out mid-call: 98 included,
  //   22 charged: 22 × 145,000 = 3,190,000 (5.317 ¢).
  ['D', '447', 120, 98, 22, '3190000'],
  // E 45 s to +44 1632…: only 44 fits; 60/60 → the 60 s minimum; 60 × 25,000 = 1,500,000 (2.5 ¢).
  ['E', '44', 60, 0, 60, '1500000'],
  // F 7 s to +1 312…: 1; 6/6 → 6 + ⌈1/6⌉×6 = 12; 12 × 12,000 = 144,000 (0.24 ¢).
  ['F', '1', 12, 0, 12, '144000'],
  // G inbound 300 s to the local number: inbound 1, free; 60/60 → 300; 300 × 0 = 0.
  ['G', '1', 300, 0, 300, '0'],
  // H 12 s to +1 212…: 1212; 30/6 → the 30 s minimum; 30 × 4,500 = 135,000 (0.225 ¢).
  ['H', '1212', 30, 0, 30, '135000'],
  // I 31 s to +1 212…: 1212; 30/6 → 36; 36 × 4,500 = 162,000 (0.27 ¢).
  ['I', '1212', 36, 0, 36, '162000'],
  // J 50 s to +1 415…, 30 s before midnight on the 31st: 1; 6/6 → 6 + ⌈44/6⌉×6 = 54; 54 × 12,000 = 648,000 (1.08 ¢).
  ['J', '1', 54, 0, 54, '648000'],
];

// The line: 10 calls; billed 42+65+100+120+60+12+300+30+36+54 = 819 s (13 min 39 s); included
// 42+100+98 = 240 s (the whole 4 min); charged 819 − 240 = 579 s; exact charge
// 1,235,000 + 3,190,000 + 1,500,000 + 144,000 + 135,000 + 162,000 + 648,000 = 7,014,000
// micro-unit-seconds = 11.69 ¢ → 12 ¢, rounded once. Rounding call by call would have given
// 2 + 5 + 3 + 0 + 0 + 0 + 1 = 11 ¢. Tax: 10 % of 12 ¢ = 1.2 → 1 ¢.
const LINE = { calls: 10, billed: 819, included: 240, charged: 579, micro: '7014000', cents: 12, tax: 1 };

describe('a month of calls billed by hand’s figures', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let v: VoiceBillingWorld;
  let client: Client;
  let close: () => Promise<void>;
  const pdfs = new PdfScratch();
  let account: number;
  let accountService: number;
  let voiceService: number;
  let firstRun: unknown;

  const billRun = async (date: string) => {
    await w.today(date);
    const started = await w.post('/api/bill-runs', { date }).expect(202);
    return client.workflow.getHandle(started.body.workflowId).result();
  };
  const invoiceOn = async (date: string) => {
    const [row] = await sut.db.query('SELECT id FROM invoices WHERE account_id = ? AND generated_for = ?', [account, date]);
    return w.invoice(Number(row.id));
  };
  const pdfText = async (invoiceId: number) => {
    const res = await w
      .get(`/api/invoices/${invoiceId}/invoice.pdf`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    return squeeze((await pdfs.pages(res.body as Buffer)).join('\n'));
  };

  beforeAll(async () => {
    ({ sut, client, close } = await isolatedTemporalApp());
    w = await new BillingWorld(sut).init();
    v = new VoiceBillingWorld(w);
    await w.today('2022-03-01');
    const tax = await w.tax(100000); // 10 %
    voiceService = await v.voiceService({
      name: 'Home Phone',
      price: 1000,
      taxIds: [tax],
      includedMinutes: 4,
      scope: 'outbound',
      deck: [
        { prefix: '1', direction: 'outbound', rateMicro: 12_000, minimum: 6, increment: 6 },
        { prefix: '1212', direction: 'outbound', rateMicro: 4_500, minimum: 30, increment: 6 },
        { prefix: '44', direction: 'outbound', rateMicro: 25_000, minimum: 60, increment: 60 },
        { prefix: '447', direction: 'outbound', rateMicro: 145_000, minimum: 60, increment: 60 },
        { prefix: '4420', direction: 'outbound', rateMicro: 13_300, minimum: 1, increment: 1 },
        { prefix: '1', direction: 'inbound', rateMicro: 0, minimum: 60, increment: 60 },
        { prefix: '1800', direction: 'inbound', rateMicro: 19_000, minimum: 1, increment: 1 },
      ],
    });
    account = await w.account();
    accountService = (await w.addService(account, voiceService, '2022-03-01', { prorate: false })).id;
    await v.did(account, accountService, LOCAL, '2022-03-01 00:00:00');
    await v.did(account, accountService, TOLL_FREE, '2022-03-01 00:00:00');
    firstRun = await billRun('2022-03-01');
  }, 180_000);

  afterAll(async () => {
    pdfs.close();
    await close?.();
  });

  it('rates each call by the longest prefix, the minimum and the increments, as the hand table says', async () => {
    // 1 March billed March's fee in advance; the service was not on the account in February, so no month of calls was settled.
    expect(firstRun).toMatchObject({ failures: 0, parked: 0 });
    expect(await v.settlements(accountService)).toEqual([]);
    const byStart = [...MARCH].sort((a, b) => (a.start < b.start ? -1 : 1));
    expect(byStart.map((c) => [c.identity.slice(-1), v.rate(c).prefix, v.rate(c).billedSeconds])).toEqual(
      HAND.map(([id, prefix, billed]) => [id, prefix, billed]),
    );
    await v.calls(account, accountService, [...MARCH, ...APRIL]);
  });

  it('bills March’s calls on the invoice of 1 April: one line, rounded once, taxed as the service', async () => {
    expect(await billRun('2022-04-01')).toMatchObject({ failures: 0, parked: 0 });

    const [settlement] = await v.settlements(accountService);
    expect(settlement).toMatchObject({
      period_start: '2022-03-01',
      period_end: '2022-03-31',
      billing_date: '2022-04-01',
      calls: LINE.calls,
      billed_seconds: LINE.billed,
      included_seconds: LINE.included,
      charged_seconds: LINE.charged,
      charge_micro_seconds: LINE.micro,
      amount: LINE.cents,
    });

    const calls = await v.settledCalls(accountService);
    expect(HAND.map(([id]) => [id, calls.get(`hand-computed-${id}`)])).toEqual(
      HAND.map(([id, , , included, charged, micro]) => [id, { settlementId: settlement.id, included, charged, charge: micro }]),
    );
    // April's call waits for April's settlement.
    expect(calls.get('hand-computed-K')).toEqual({ settlementId: null, included: null, charged: null, charge: null });

    const invoice = await invoiceOn('2022-04-01');
    // April's fee 10.00 + 1.00 tax, and the calls 0.12 + 0.01 tax.
    expect(invoice).toMatchObject({ total: 1000 + 100 + LINE.cents + LINE.tax, taxTotal: 100 + LINE.tax });
    const [line] = await sut.db.query(
      `SELECT id, amount, tax_amount, quantity, service_id, account_service_id, invoice_id, description,
              DATE_FORMAT(period_start, '%Y-%m-%d') AS period_start, DATE_FORMAT(period_end, '%Y-%m-%d') AS period_end
         FROM transactions WHERE id = ?`,
      [settlement.transaction_id],
    );
    expect({ ...line, amount: Number(line.amount), tax_amount: Number(line.tax_amount) }).toMatchObject({
      amount: LINE.cents,
      tax_amount: LINE.tax,
      quantity: LINE.calls,
      service_id: voiceService,
      // No account service: the calls are not a service period of the phone service, whose fee has its own line.
      account_service_id: null,
      invoice_id: invoice.id,
      description: 'Home Phone calls: 10 calls, 13 min 39 s, 4 min included (2022-03-01 to 2022-03-31)',
      period_start: '2022-03-01',
      period_end: '2022-03-31',
    });
    const taxes = (await w.transactions(account)).find((t) => t.id === Number(line.id))?.taxes;
    expect(taxes).toEqual([expect.objectContaining({ amount: LINE.tax })]);
    await w.expectBooksBalance([account]);
  });

  it('lists the calls under the line in the invoice PDF, each charge exact, the line in rounded cents', async () => {
    const text = await pdfText((await invoiceOn('2022-04-01')).id);
    expect(text).toContain('Call detail: Home Phone calls: 10 calls, 13 min 39 s, 4 min included');
    expect(text).toMatch(/Started \(UTC\) From To Direction Billed Included Charge \(USD\)/);
    const rows = [
      ...text.matchAll(/^ ?(2022-\d\d-\d\d \d\d:\d\d:\d\d) (\S+) (\S+) (Inbound|Outbound) (\d+:\d\d) (\d+:\d\d) ([\d,]+\.\d+)\s*$/gm),
    ].map((m) => m.slice(1));
    expect(rows).toEqual([
      // A: 0 µ·s.
      ['2022-03-02 09:00:00', '+12125550199', '+12125550100', 'Outbound', '0:42', '0:42', '0.00'],
      // B: 1,235,000 ÷ 60 = 20,583.3 micro-units → 0.020583.
      ['2022-03-03 10:15:00', '+16175550123', '+18005550199', 'Inbound', '1:05', '0:00', '0.020583'],
      ['2022-03-05 18:30:00', '+12125550199', '+442079460958', 'Outbound', '1:40', '1:40', '0.00'],
      // D: 3,190,000 ÷ 60 = 53,166.7 → 0.053167 (half-up at the micro-unit).
      ['2022-03-07 20:00:00', '+12125550199', '+447700900123', 'Outbound', '2:00', '1:38', '0.053167'],
      // E: 1,500,000 ÷ 60 = 25,000 → 0.025.
      ['2022-03-09 12:00:00', '+12125550199', '+441632960001', 'Outbound', '1:00', '0:00', '0.025'],
      ['2022-03-12 08:05:00', '+12125550199', '+13125550100', 'Outbound', '0:12', '0:00', '0.0024'],
      ['2022-03-15 14:00:00', '+447700900555', '+12125550199', 'Inbound', '5:00', '0:00', '0.00'],
      ['2022-03-20 09:30:00', '+12125550199', '+12125550111', 'Outbound', '0:30', '0:00', '0.00225'],
      ['2022-03-22 16:45:00', '+12125550199', '+12125550122', 'Outbound', '0:36', '0:00', '0.0027'],
      ['2022-03-31 23:59:30', '+12125550199', '+14155550100', 'Outbound', '0:54', '0:00', '0.0108'],
    ]);
    // The line itself in whole cents, and April's call nowhere.
    // (the description wraps under itself, after the quantity and amount).
    expect(text).toMatch(
      /Home Phone calls: 10 calls, 13 min 39 s, 4 min included 10 0\.12\s+\(2022-03-01 to 2022-03-31\)\s+Tax \S+ \(10%\) 0\.01/,
    );
    expect(text).not.toContain('2022-04-01 00:00:10');
  });

  it('bills the calls once: the run started again and the invoice generated again add nothing, and May bills only April', async () => {
    const again = await w.post('/api/bill-runs', { date: '2022-04-01' }).expect(202);
    expect(again.body.started).toBe(false);
    expect((await w.generate(account, '2022-04-01')).created).toBe(false);

    expect(await billRun('2022-05-01')).toMatchObject({ failures: 0, parked: 0 });
    const settlements = await v.settlements(accountService);
    expect(settlements.map((s) => [s.period_start, s.calls, s.included_seconds, s.amount, s.transaction_id === null])).toEqual([
      ['2022-03-01', 10, 240, 12, false],
      // K: 50 s on 6/6 → 54 s, well inside April's 4 minutes: settled, nothing to charge, no line.
      ['2022-04-01', 1, 54, 0, true],
    ]);
    const calls = await v.settledCalls(accountService);
    expect(calls.get('hand-computed-K')).toEqual({ settlementId: settlements[1].id, included: 54, charged: 0, charge: '0' });
    expect(calls.get('hand-computed-A')?.settlementId).toBe(settlements[0].id);
    const [{ n }] = await sut.db.query(
      'SELECT COUNT(*) AS n FROM transactions WHERE account_id = ? AND service_id = ? AND account_service_id IS NULL',
      [account, voiceService],
    );
    expect(Number(n)).toBe(1);
    // May's invoice: the fee alone.
    expect(await invoiceOn('2022-05-01')).toMatchObject({ total: 1100 });
    await w.expectBooksBalance([account]);
  });
});
