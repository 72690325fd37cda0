import { BillingWorld } from '../billing/billing-world';
import { PdfScratch, squeeze } from '../documents/pdf-text';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';
import { type CallLine, VoiceBillingWorld } from './voice-billing-world';

const OWN = '12175550142';
const out = (identity: string, start: string, duration: number): CallLine => ({
  identity: `late-${identity}`,
  start,
  direction: 'outbound',
  from: OWN,
  to: '13125550100',
  duration,
});

/**
 * Calls read after their period was billed (a switch file that came in late). They wait for the
 * service's next settlement and go on that invoice, listed with their own dates; they draw on what
 * their own month's included minutes still had, never on the month they are billed in, and the
 * rest is charged. The issued invoice is never reopened.
 *
 * "Office Line": 10 included minutes (600 s) a month, all calls; every call 0.0100 a minute
 * (10,000 µ/min) on 60/60, so a cent is a charged minute.
 */
describe('calls that arrive after their period was billed', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let v: VoiceBillingWorld;
  const pdfs = new PdfScratch();
  let account: number;
  let accountService: number;

  const invoiceOn = async (date: string) => {
    const [row] = await sut.db.query('SELECT id FROM invoices WHERE account_id = ? AND generated_for = ?', [account, date]);
    return w.invoice(Number(row.id));
  };

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    w = await new BillingWorld(sut).init();
    v = new VoiceBillingWorld(w);
    await w.today('2025-02-01');
    const service = await v.voiceService({
      name: 'Office Line',
      price: 2000,
      includedMinutes: 10,
      scope: 'all',
      deck: [{ prefix: '1', direction: 'outbound', rateMicro: 10_000, minimum: 60, increment: 60 }],
    });
    account = await w.account();
    accountService = (await w.addService(account, service, '2025-02-01', { prorate: false })).id;
    await v.did(account, accountService, OWN, '2025-02-01 00:00:00');
    await w.generate(account, '2025-02-01');
    // February: 4 + 4 minutes, inside the 10.
    await v.calls(account, accountService, [out('a', '2025-02-10 09:00:00', 240), out('b', '2025-02-20 09:00:00', 240)]);
    await w.today('2025-03-01');
    await w.generate(account, '2025-03-01');
  });
  afterAll(async () => {
    pdfs.close();
    await sut.close();
  });

  it('settles February with nothing to charge: 8 of its 10 minutes used, no line on the invoice', async () => {
    expect(await v.settlements(accountService)).toEqual([
      expect.objectContaining({
        period_start: '2025-02-01',
        calls: 2,
        included_seconds: 480,
        charged_seconds: 0,
        amount: 0,
        transaction_id: null,
      }),
    ]);
    expect(await invoiceOn('2025-03-01')).toMatchObject({ total: 2000 });
  });

  it('bills a late February call on April’s invoice, from February’s 2 minutes left, with its own date', async () => {
    await v.calls(account, accountService, [
      // c: February's, read in March. 5 min: February has 2 left → 2 included, 3 charged.
      out('c', '2025-02-27 09:00:00', 300),
      // d, e: March's own 10 minutes: d 3 min included (7 left); e 9 min → 7 included, 2 charged.
      out('d', '2025-03-05 09:00:00', 180),
      out('e', '2025-03-06 09:00:00', 540),
    ]);
    await w.today('2025-04-01');
    await w.generate(account, '2025-04-01');

    const [february, march] = await v.settlements(accountService);
    // 3 + 2 = 5 charged minutes × 10,000 × 60 = 3,000,000 µ·s = 5 ¢. Had c drawn on March's minutes
    // (or none at all), 7 minutes would have been charged.
    expect(march).toMatchObject({
      period_start: '2025-03-01',
      calls: 3,
      billed_seconds: 1020,
      included_seconds: 720,
      charged_seconds: 300,
      charge_micro_seconds: '3000000',
      amount: 5,
    });
    const calls = await v.settledCalls(accountService);
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => [id, calls.get(`late-${id}`)])).toEqual([
      ['a', { settlementId: february.id, included: 240, charged: 0, charge: '0' }],
      ['b', { settlementId: february.id, included: 240, charged: 0, charge: '0' }],
      ['c', { settlementId: march.id, included: 120, charged: 180, charge: '1800000' }],
      ['d', { settlementId: march.id, included: 180, charged: 0, charge: '0' }],
      ['e', { settlementId: march.id, included: 420, charged: 120, charge: '1200000' }],
    ]);
    // February's settlement and invoice stand as they were.
    expect(february).toMatchObject({ calls: 2, included_seconds: 480, amount: 0 });
    expect(await invoiceOn('2025-03-01')).toMatchObject({ total: 2000 });

    const invoice = await invoiceOn('2025-04-01');
    expect(invoice).toMatchObject({ total: 2000 + 5 });
    const line = (await w.transactions(account)).find((t) => t.id === march.transaction_id);
    expect(line?.description).toBe(
      'Office Line calls: 3 calls, 17 min, 12 min included (2025-03-01 to 2025-03-31); 1 made before the period, received after it was billed',
    );

    const res = await w
      .get(`/api/invoices/${invoice.id}/invoice.pdf`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const text = squeeze((await pdfs.pages(res.body as Buffer)).join('\n'));
    expect(text).toMatch(/2025-02-27 09:00:00 \+12175550142 \+13125550100 Outbound 5:00 2:00 0\.03\s/);
    expect(text).toMatch(/2025-03-06 09:00:00 \+12175550142 \+13125550100 Outbound 9:00 7:00 0\.02\s/);
    await w.expectBooksBalance([account]);
  });

  it('charges a second late February call in full: what February had left was spent by the first', async () => {
    await v.calls(account, accountService, [out('f', '2025-02-28 18:00:00', 120)]);
    await w.today('2025-05-01');
    await w.generate(account, '2025-05-01');
    const april = (await v.settlements(accountService))[2];
    // 10 − 8 − 2 = 0 minutes left in February: both of f's minutes charged, 2 ¢.
    expect(april).toMatchObject({ period_start: '2025-04-01', calls: 1, included_seconds: 0, charged_seconds: 120, amount: 2 });
    expect((await v.settledCalls(accountService)).get('late-f')).toEqual({
      settlementId: april.id,
      included: 0,
      charged: 120,
      charge: '1200000',
    });
    expect(await invoiceOn('2025-05-01')).toMatchObject({ total: 2002 });
    await w.expectBooksBalance([account]);
  });
});
