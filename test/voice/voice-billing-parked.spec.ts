import type { Client } from '@temporalio/client';
import { isolatedTemporalApp } from '../bill-runs/isolated-temporal-app';
import { BillingWorld } from '../billing/billing-world';
import type { TestApp } from '../support/test-app';
import { VoiceBillingWorld } from './voice-billing-world';

const OWN = '12175550177';

/**
 * A month of calls that makes the invoice jump past the bill run's safety bound: the invoice is
 * parked, and its calls with it. Nothing of the month is settled until a person releases the
 * invoice; then the calls are settled and charged as the run computed them.
 *
 * "Trunk": 10.00 a month in advance, no included minutes, every call 0.50 a minute (500,000 µ/min)
 * on 60/60. June: one call of 1 h 59 min 30 s → 120 billed minutes → 60.00. July's invoice would be
 * 70.00 against a usual 10.00, past the 500 % bound. Dates in June and July 2022, which no other
 * suite's bill runs use.
 */
describe('calls on an invoice the bill run parks', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let v: VoiceBillingWorld;
  let client: Client;
  let close: () => Promise<void>;
  let account: number;
  let accountService: number;

  const runFor = async (date: string) => {
    await w.today(date);
    const started = await w.post('/api/bill-runs', { date }).expect(202);
    await client.workflow.getHandle(started.body.workflowId).result();
    const runs = (await w.get('/api/bill-runs').expect(200)).body as { id: number; runDate: string }[];
    return (await w.get(`/api/bill-runs/${runs.find((r) => r.runDate === date)?.id}`).expect(200)).body;
  };

  beforeAll(async () => {
    ({ sut, client, close } = await isolatedTemporalApp());
    w = await new BillingWorld(sut).init();
    v = new VoiceBillingWorld(w);
    await w.today('2022-06-01');
    const service = await v.voiceService({
      name: 'Trunk',
      price: 1000,
      includedMinutes: 0,
      scope: 'all',
      deck: [{ prefix: '1', direction: 'outbound', rateMicro: 500_000, minimum: 60, increment: 60 }],
    });
    account = await w.account();
    accountService = (await w.addService(account, service, '2022-06-01', { prorate: false })).id;
    await v.did(account, accountService, OWN, '2022-06-01 00:00:00');
  }, 120_000);
  afterAll(async () => {
    await close?.();
  });

  it('parks July’s invoice with June’s calls unsettled, and settles them when it is released', async () => {
    expect(await runFor('2022-06-01')).toMatchObject({ invoices: 1, parked: 0 });
    await v.calls(account, accountService, [
      { identity: 'parked-long-call', start: '2022-06-14 13:00:00', direction: 'outbound', from: OWN, to: '13125550100', duration: 7170 },
    ]);

    const july = await runFor('2022-07-01');
    expect(july).toMatchObject({ invoices: 0, parked: 1, failures: 0 });
    expect(july.parkedList).toEqual([expect.objectContaining({ accountId: account, rule: 'spike', total: 1000 + 6000, usualTotal: 1000 })]);
    // Parked: no settlement, the call still waiting.
    expect(await v.settlements(accountService)).toEqual([]);
    expect((await v.settledCalls(accountService)).get('parked-long-call')).toMatchObject({ settlementId: null });

    const released = await w.post(`/api/bill-runs/${july.id}/parked/${account}/release`).expect(200);
    const [settlement] = await v.settlements(accountService);
    // 7,170 s on 60/60 → 7,200 billed; 7,200 × 500,000 = 3,600,000,000 µ·s = 6,000 ¢.
    expect(settlement).toMatchObject({
      period_start: '2022-06-01',
      billing_date: '2022-07-01',
      calls: 1,
      billed_seconds: 7200,
      charged_seconds: 7200,
      charge_micro_seconds: '3600000000',
      amount: 6000,
    });
    expect((await v.settledCalls(accountService)).get('parked-long-call')).toEqual({
      settlementId: settlement.id,
      included: 0,
      charged: 7200,
      charge: '3600000000',
    });
    expect(await w.invoice(released.body.invoiceId)).toMatchObject({ total: 7000 });
    const line = (await w.transactions(account)).find((t) => t.id === settlement.transaction_id);
    expect(line).toMatchObject({ amount: 6000, invoiceId: released.body.invoiceId });
    expect(line?.description).toBe('Trunk calls: 1 call, 120 min (2022-06-01 to 2022-06-30)');
    await w.expectBooksBalance([account]);
  });
});
