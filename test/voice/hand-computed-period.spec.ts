import { ratePeriod, type CallToRate } from '../../src/voice/call-rating';
import { lineCents } from '../../src/voice/money-micro';
import { RateDeck, type RateDeckRow } from '../../src/voice/rate-deck';

/**
 * One voice service's month, worked by hand. Rates are in micro-units a minute (a cent is
 * 10,000), so a call's exact charge is charged seconds × rate in micro-unit-seconds, and a cent
 * is 60 × 10,000 = 600,000 of those.
 *
 *   prefix  direction  $/min    µ/min    min/inc
 *   1       outbound   0.0100   10,000   6/6
 *   1212    outbound   0.0045    4,500   30/6
 *   44      outbound   0.0210   21,000   60/60
 *   4420    outbound   0.0125   12,500   1/1
 *   447     outbound   0.1234  123,400   60/60
 *   1       inbound    0            0   60/60
 *   1800    inbound    0.0175   17,500   1/1
 */
const deckRow = (
  prefix: string,
  direction: RateDeckRow['direction'],
  ratePerMinuteMicro: number,
  minimumSeconds: number,
  incrementSeconds: number,
) => ({
  prefix,
  description: `${direction} ${prefix}`,
  direction,
  ratePerMinuteMicro,
  minimumSeconds,
  incrementSeconds,
});
const deck = new RateDeck([
  deckRow('1', 'outbound', 10_000, 6, 6),
  deckRow('1212', 'outbound', 4_500, 30, 6),
  deckRow('44', 'outbound', 21_000, 60, 60),
  deckRow('4420', 'outbound', 12_500, 1, 1),
  deckRow('447', 'outbound', 123_400, 60, 60),
  deckRow('1', 'inbound', 0, 60, 60),
  deckRow('1800', 'inbound', 17_500, 1, 1),
]);

const call = (identity: string, time: string, direction: CallToRate['direction'], to: string, durationSeconds: number): CallToRate => ({
  identity,
  start: new Date(`2026-03-02T${time}:00Z`),
  direction,
  to,
  durationSeconds,
});

// Listed out of order on purpose: the included minutes go by start time, not by file order.
const calls = [
  call('K', '11:10', 'outbound', '12125550122', 12),
  call('A', '10:00', 'outbound', '12125550100', 37),
  call('D', '10:20', 'outbound', '447700900123', 61),
  call('B', '10:05', 'inbound', '18005550199', 65),
  call('H', '10:50', 'outbound', '33142685300', 45),
  call('C', '10:10', 'outbound', '442079460958', 200),
  call('E', '10:30', 'outbound', '441632960001', 0),
  call('F', '10:40', 'outbound', '13125550100', 7),
  call('G', '10:45', 'inbound', '12125550100', 300),
  call('I', '11:00', 'outbound', '12125550111', 31),
  call('J', '11:05', 'outbound', '14155550100', 20),
];

type Row = [identity: string, prefix: string, billed: number, included: number, charged: number, chargeMicroSeconds: bigint];

const figures = (rated: ReturnType<typeof ratePeriod>['rated']): Row[] =>
  rated.map((r) => [r.call.identity, r.rate.prefix, r.billedSeconds, r.includedSeconds, r.chargedSeconds, r.chargeMicroSeconds]);

describe('five included minutes, outbound calls only drawing on them', () => {
  const sut = ratePeriod(calls, deck, { includedMinutes: 5, scope: 'outbound' });

  it('rates each call by hand’s figures, in start order', () => {
    // 300 included seconds to spend.
    const expected: Row[] = [
      // A 37 s to 1212… : 1212 beats 1; 30/6 → 30 + ⌈7/6⌉×6 = 42; all 42 included (258 left).
      ['A', '1212', 42, 42, 0, 0n],
      // B inbound 65 s to 1800…: 1800 beats inbound 1; 1/1 → 65; inbound draws nothing; 65 × 17,500 = 1,137,500.
      ['B', '1800', 65, 0, 65, 1_137_500n],
      // C 200 s to 4420…: 4420 beats 44; 1/1 → 200; all included (58 left).
      ['C', '4420', 200, 200, 0, 0n],
      // D 61 s to 447…: 60/60 → 120; the allowance runs out mid-call: first 58 s included,
      //   last 62 s charged: 62 × 123,400 = 7,650,800.
      ['D', '447', 120, 58, 62, 7_650_800n],
      // E 0 s (unanswered) to 44…: bills nothing, despite 60/60.
      ['E', '44', 0, 0, 0, 0n],
      // F 7 s to 1…: 6/6 → 6 + ⌈1/6⌉×6 = 12; 12 × 10,000 = 120,000 (0.2 ¢).
      ['F', '1', 12, 0, 12, 120_000n],
      // G inbound 300 s to a plain DID: inbound 1, free; 60/60 → 300; 300 × 0 = 0.
      ['G', '1', 300, 0, 300, 0n],
      // H to 33… (France) has no row: unrated, below.
      // I 31 s to 1212…: 30/6 → 36; 36 × 4,500 = 162,000 (0.27 ¢).
      ['I', '1212', 36, 0, 36, 162_000n],
      // J 20 s to 1…: 6/6 → 24; 24 × 10,000 = 240,000 (0.4 ¢).
      ['J', '1', 24, 0, 24, 240_000n],
      // K 12 s to 1212…: 30/6 → the 30 s minimum; 30 × 4,500 = 135,000 (0.225 ¢).
      ['K', '1212', 30, 0, 30, 135_000n],
    ];
    expect(figures(sut.rated)).toEqual(expected);
  });

  it('sets the call with no rate aside, with the reason', () => {
    expect(sut.unrated).toEqual([
      { call: expect.objectContaining({ identity: 'H' }), reason: 'no_rate', message: 'no outbound rate for +33142685300' },
    ]);
  });

  it('totals the line and rounds it once', () => {
    expect(sut.totals).toEqual({
      calls: 10,
      // 42 + 65 + 200 + 120 + 0 + 12 + 300 + 36 + 24 + 30
      billedSeconds: 829,
      // 42 + 200 + 58: the whole five minutes
      includedSeconds: 300,
      // 829 − 300
      chargedSeconds: 529,
      // 1,137,500 + 7,650,800 + 120,000 + 162,000 + 240,000 + 135,000
      chargeMicroSeconds: 9_445_300n,
      // 9,445,300 / 600,000 = 15.742 → 16
      cents: 16,
    });
  });

  it('would be a cent short had each call been rounded on its own', () => {
    // B 1.896 → 2, D 12.751 → 13, F 0.2 → 0, I 0.27 → 0, J 0.4 → 0, K 0.225 → 0: 15 ¢.
    const callByCall = sut.rated.reduce((sum, r) => sum + lineCents(r.chargeMicroSeconds), 0);
    expect(callByCall).toBe(15);
    expect(sut.totals.cents).toBe(16);
  });
});

describe('the same month when inbound calls draw on the minutes too', () => {
  const sut = ratePeriod(calls, deck, { includedMinutes: 5, scope: 'all' });

  it('spends the minutes on the earliest calls of either direction', () => {
    const expected: Row[] = [
      // A 42 included (258 left).
      ['A', '1212', 42, 42, 0, 0n],
      // B inbound 65 now included (193 left).
      ['B', '1800', 65, 65, 0, 0n],
      // C 200 s crosses: 193 included, 7 charged × 12,500 = 87,500.
      ['C', '4420', 200, 193, 7, 87_500n],
      // D nothing left: 120 × 123,400 = 14,808,000.
      ['D', '447', 120, 0, 120, 14_808_000n],
      ['E', '44', 0, 0, 0, 0n],
      ['F', '1', 12, 0, 12, 120_000n],
      ['G', '1', 300, 0, 300, 0n],
      ['I', '1212', 36, 0, 36, 162_000n],
      ['J', '1', 24, 0, 24, 240_000n],
      ['K', '1212', 30, 0, 30, 135_000n],
    ];
    expect(figures(sut.rated)).toEqual(expected);
    // 87,500 + 14,808,000 + 120,000 + 162,000 + 240,000 + 135,000 = 15,552,500; / 600,000 = 25.92 → 26.
    expect(sut.totals).toMatchObject({ includedSeconds: 300, chargedSeconds: 529, chargeMicroSeconds: 15_552_500n, cents: 26 });
  });
});

describe('a service with no included minutes', () => {
  it('charges every billed second', () => {
    const sut = ratePeriod(calls, deck, { includedMinutes: 0, scope: 'all' });
    expect(sut.totals.includedSeconds).toBe(0);
    expect(sut.totals.chargedSeconds).toBe(829);
    // 9,445,300 + A 42 × 4,500 (189,000) + C 200 × 12,500 (2,500,000) + D's 58 more × 123,400 (7,157,200) = 19,291,500 → 32.15 → 32.
    expect(sut.totals.chargeMicroSeconds).toBe(19_291_500n);
    expect(sut.totals.cents).toBe(32);
  });

  it('breaks a tie in start time by identity, so a re-run spends the minutes the same way', () => {
    const same = [call('y', '09:00', 'outbound', '12125550100', 60), call('x', '09:00', 'outbound', '12125550100', 60)];
    const sut = ratePeriod(same, deck, { includedMinutes: 1, scope: 'all' });
    expect(sut.rated.map((r) => [r.call.identity, r.includedSeconds])).toEqual([
      ['x', 60],
      ['y', 0],
    ]);
  });
});
