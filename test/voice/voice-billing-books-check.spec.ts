import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { BillingWorld } from '../billing/billing-world';
import { leaveBooksCorrupt } from '../support/books-watch';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';
import { VoiceBillingWorld } from './voice-billing-world';

interface VoiceBooks {
  account: number;
  accountService: number;
  settlement: number;
  charge: number;
  /** A call charged on the settlement, and one the included minutes covered. */
  charged: number;
  included: number;
  /** Another account, and its phone's settlement with no calls, for a call to be moved to. */
  neighbour: number;
  otherSettlement: number;
}

/**
 * The books check proven on calls: a voice settlement made by invoicing balances, and each fact
 * the check guards, changed behind the billing code's back, is reported under its rule on the
 * account. On a database of its own, so no other test file reads the broken rows.
 */
describe('the books check finds calls charged wrongly', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let v: VoiceBillingWorld;
  let voiceService: number;
  let other: number;
  let otherCharge: number;
  let sql: (query: string, params?: unknown[]) => Promise<unknown>;

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    w = await new BillingWorld(sut).init();
    v = new VoiceBillingWorld(w);
    sql = (query, params = []) => sut.db.query(query, params);
    await w.today('2025-02-01');
    voiceService = await v.voiceService({
      name: 'Checked Phone',
      price: 500,
      includedMinutes: 1,
      scope: 'all',
      // 0.0125 a minute, by the second.
      deck: [{ prefix: '1', direction: 'outbound', rateMicro: 12_500, minimum: 1, increment: 1 }],
    });
    other = await w.account();
    const oneTime = await w.service(900, { kind: 'one_time' });
    otherCharge = Number(
      (await w.post('/api/transactions/one-time', { accountId: other, serviceId: oneTime, price: 900 }).expect(201)).body.transaction.id,
    );
  });
  afterAll(() => sut.close());

  const check = (accountIds: number[]) => sut.app.get(InvariantCheckerService).check('2099-12-31', accountIds);
  let numbers = 0;

  /**
   * February on a phone with one included minute at 0.0125 a minute by the second: a 60 s call
   * covered, then 70 s and 60 s charged: 130 × 12,500 = 1,625,000 µ·s = 2.71 ¢ → 3 ¢.
   */
  async function voiceBooks(): Promise<VoiceBooks> {
    await w.today('2025-02-01');
    const account = await w.account();
    const accountService = (await w.addService(account, voiceService, '2025-02-01', { prorate: false })).id;
    const own = `1217555${String(1000 + ++numbers)}`;
    await v.did(account, accountService, own, '2025-02-01 00:00:00');
    const calls = await v.calls(account, accountService, [
      { identity: `books-${own}-a`, start: '2025-02-03 10:00:00', direction: 'outbound', from: own, to: '13125550100', duration: 60 },
      { identity: `books-${own}-b`, start: '2025-02-04 10:00:00', direction: 'outbound', from: own, to: '13125550101', duration: 70 },
      { identity: `books-${own}-c`, start: '2025-02-05 10:00:00', direction: 'outbound', from: own, to: '13125550102', duration: 60 },
    ]);
    await w.today('2025-03-01');
    await w.generate(account, '2025-03-01');
    const [settlement] = await v.settlements(accountService);
    expect(settlement).toMatchObject({ calls: 3, included_seconds: 60, charged_seconds: 130, charge_micro_seconds: '1625000', amount: 3 });

    // Another account's phone, settled with no calls: a settlement a call could be moved to.
    const neighbour = await w.account();
    const neighbourService = (await w.addService(neighbour, voiceService, '2025-02-01', { prorate: false })).id;
    await w.generate(neighbour, '2025-03-01');
    const [otherSettlement] = await v.settlements(neighbourService);
    expect(otherSettlement).toMatchObject({ calls: 0, amount: 0, transaction_id: null });

    expect((await check([account, neighbour])).mismatches).toEqual([]);
    return {
      account,
      accountService,
      settlement: settlement.id as number,
      charge: settlement.transaction_id as number,
      charged: (calls.get(`books-${own}-b`) as { id: number }).id,
      included: (calls.get(`books-${own}-a`) as { id: number }).id,
      neighbour,
      otherSettlement: otherSettlement.id as number,
    };
  }

  const corruptions: { fact: string; rule: string; corrupt: (b: VoiceBooks) => Promise<unknown> }[] = [
    {
      fact: 'a settlement whose amount is not its calls’ exact charge rounded once',
      rule: 'voice.settlement_amount',
      corrupt: (b) => sql('UPDATE voice_settlements SET amount = amount + 1 WHERE id = ?', [b.settlement]),
    },
    {
      fact: 'a settlement whose amount differs from its debit',
      rule: 'voice.settlement_charge',
      corrupt: (b) => sql('UPDATE voice_settlements SET amount = amount - 1, charge_micro_seconds = 1000000 WHERE id = ?', [b.settlement]),
    },
    {
      fact: 'a settlement pointing at another account’s charge',
      rule: 'voice.settlement_charge',
      corrupt: (b) => sql('UPDATE voice_settlements SET transaction_id = ? WHERE id = ?', [otherCharge, b.settlement]),
    },
    {
      fact: 'a call whose charge was changed after it was settled',
      rule: 'voice.settlement_calls',
      corrupt: (b) => sql('UPDATE voice_calls SET charge_micro_seconds = charge_micro_seconds + 600000 WHERE id = ?', [b.charged]),
    },
    {
      fact: 'a call whose included and charged seconds do not add up to its billed ones',
      rule: 'voice.call_figures',
      corrupt: (b) => sql('UPDATE voice_calls SET included_seconds = included_seconds + 1 WHERE id = ?', [b.included]),
    },
    {
      fact: 'a call moved into a second settlement, another service’s',
      rule: 'voice.call_settlement',
      corrupt: (b) => sql('UPDATE voice_calls SET settlement_id = ? WHERE id = ?', [b.otherSettlement, b.charged]),
    },
    {
      fact: 'a settled period charged a second time',
      rule: 'voice.charged_once',
      corrupt: (b) =>
        sql(
          `INSERT INTO transactions (account_id, kind, side, amount, transaction_date, description, service_id, quantity, period_start, period_end)
           SELECT account_id, kind, side, amount, transaction_date, description, service_id, quantity, period_start, period_end FROM transactions WHERE id = ?`,
          [b.charge],
        ),
    },
  ];

  it.each(corruptions)('reports $fact under $rule on its account', async ({ rule, corrupt }) => {
    const b = await voiceBooks();
    leaveBooksCorrupt(sut, [b.account, b.neighbour, other]);
    await corrupt(b);
    const report = await check([b.account]);
    expect(report.mismatches).toContainEqual(expect.objectContaining({ check: rule, accountId: b.account }));
  });

  it('sees a call moved between settlements from both ends', async () => {
    const b = await voiceBooks();
    leaveBooksCorrupt(sut, [b.account, b.neighbour]);
    await sql('UPDATE voice_calls SET settlement_id = ? WHERE id = ?', [b.otherSettlement, b.charged]);
    const report = await check([b.account, b.neighbour]);
    const settlementsShort = report.mismatches.filter((m) => m.check === 'voice.settlement_calls').map((m) => m.entity);
    expect(settlementsShort).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`voice settlement ${b.settlement} `),
        expect.stringContaining(`voice settlement ${b.otherSettlement} `),
      ]),
    );
  });
});
