import type { BillingWorld } from '../billing/billing-world';
import { inHours, lines, performNow, schedule, scheduledEventsApp } from './scheduled-events-world';

describe('scheduled events and proration', () => {
  let w: BillingWorld;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ w, close } = await scheduledEventsApp());
  });
  afterAll(async () => {
    await close();
  });

  const charges = async (account: number) =>
    (await w.transactions(account)).map((t) => ({ kind: t.kind, amount: t.amount })).sort((a, b) => a.kind.localeCompare(b.kind));

  it('prorates as the billing settings say when it runs, unless the event chose', async () => {
    await w.today('2026-03-11');
    const service = await w.service(3000);
    const prorating = await w.account({ prorateServices: true });
    const notProrating = await w.account({ prorateServices: false });
    const chosen = await w.account({ prorateServices: false });

    const events = await Promise.all([
      schedule(w, prorating, { kind: 'add_service', serviceId: service, runAt: inHours(1) }),
      schedule(w, notProrating, { kind: 'add_service', serviceId: service, runAt: inHours(1) }),
      schedule(w, chosen, { kind: 'add_service', serviceId: service, runAt: inHours(1), prorate: true }),
    ]);
    expect(events.map((e) => (e as unknown as { prorate: boolean | null }).prorate)).toEqual([null, null, true]);
    for (const e of events) expect((await performNow(w, e.id).expect(200)).body.state).toBe('done');

    // 11 March in a period of 1 March to 1 April: 21 of 31 days of 30.00 is 20.3226, so 20.32.
    expect(await charges(prorating)).toEqual([{ kind: 'debit', amount: 2032 }]);
    expect(await charges(notProrating)).toEqual([]);
    expect(await charges(chosen)).toEqual([{ kind: 'debit', amount: 2032 }]);

    // A price change on 21 March: the 11 unused days at 30.00 come back (1064.5 rounds half up to 1065),
    // and the new price is charged for them (2000 × 11 / 31 = 709.7, so 710).
    await w.today('2026-03-21');
    const [line] = await lines(w, prorating);
    const price = await schedule(w, prorating, {
      kind: 'set_price_override',
      accountServiceId: line.id,
      priceOverride: 2000,
      runAt: inHours(1),
    });
    expect(price.summary).toContain('20.00');
    expect((await performNow(w, price.id).expect(200)).body.state).toBe('done');
    expect(await charges(prorating)).toEqual([
      { kind: 'debit', amount: 2032 },
      { kind: 'debit', amount: 710 },
      { kind: 'discount', amount: 1065 },
    ]);
    const after = await lines(w, prorating);
    expect(after.map((l) => ({ priceOverride: l.priceOverride, removedOn: l.removedOn }))).toEqual(
      expect.arrayContaining([
        { priceOverride: null, removedOn: '2026-03-21' },
        { priceOverride: 2000, removedOn: null },
      ]),
    );
    await w.expectBooksBalance([prorating, notProrating, chosen]);
  });
});
