import { AccountTaxContext, TaxFacts, taxAmount, TaxService } from '../../src/taxes/tax.service';

/**
 * Each row is worked by hand: line × rateE4 / 1 000 000 as an exact fraction, then rounded
 * half away from zero to the cent. Floats never enter.
 */
describe('a tax on a line is the line times the rate, rounded half away from zero to the cent', () => {
  const rows: [string, number, number, number][] = [
    // [hand computation, line cents, rateE4, tax cents]
    ['1999 × 8.25 % = 164.9175 → 165', 1999, 82_500, 165],
    ['1999 × 1.5 % = 29.985 → 30', 1999, 15_000, 30],
    ['1000 × 8.25 % = 82.5 → 83 (a half goes up)', 1000, 82_500, 83],
    ['1001 × 5 % = 50.05 → 50', 1001, 50_000, 50],
    ['10 × 5 % = 0.5 → 1', 10, 50_000, 1],
    ['9 × 5 % = 0.45 → 0', 9, 50_000, 0],
    ['-1000 × 8.25 % = -82.5 → -83 (away from zero)', -1000, 82_500, -83],
    ['-9 × 5 % = -0.45 → 0', -9, 50_000, 0],
    ['0 × 8.25 % = 0', 0, 82_500, 0],
    ['12345 × 0 % = 0', 12_345, 0, 0],
    ['12345 × 100 % = 12345', 12_345, 1_000_000, 12_345],
    ['500000 × 0.0001 % = 0.5 → 1 (the smallest rate)', 500_000, 1, 1],
    ['499999 × 0.0001 % = 0.499999 → 0', 499_999, 1, 0],
    ['2599 × 6.25 % = 162.4375 → 162', 2599, 62_500, 162],
    [
      '(2^53 − 1) × 8.25 % = 743093938516131.7575 → 743093938516132 (exact past float precision)',
      Number.MAX_SAFE_INTEGER,
      82_500,
      743_093_938_516_132,
    ],
  ];

  it.each(rows)('%s', (_hand, line, rateE4, expected) => {
    expect(taxAmount(line, rateE4)).toBe(expected);
  });

  it('refuses a fractional amount or rate rather than guessing', () => {
    expect(() => taxAmount(10.5, 82_500)).toThrow(RangeError);
    expect(() => taxAmount(1000, 82.5)).toThrow(RangeError);
  });
});

describe('taxLines rounds every tax of a line on its own', () => {
  const sut = new TaxService(undefined as never);
  const fact = (id: number, rateE4: number, extra: Partial<TaxFacts> = {}): [number, TaxFacts] => [
    id,
    { id, name: `Tax ${id}`, taxTypeName: 'Sales tax', rateE4, active: true, geographic: false, ...extra },
  ];
  const context = (overrides: Partial<AccountTaxContext> = {}): AccountTaxContext => ({
    accountId: 1,
    exempt: false,
    taxes: new Map([fact(1, 82_500), fact(2, 15_000), fact(3, 25_000), fact(4, 25_000)]),
    overrides: new Map(),
    zonesHit: [],
    zoneTaxIds: new Set(),
    ...overrides,
  });

  const rows: [string, number, number[], [number, number, number][]][] = [
    // [hand computation, line cents, tax ids, [taxId, rateE4, amount] per line]
    [
      '1999 at 8.25 % = 164.9175 → 165 and at 1.5 % = 29.985 → 30; 195 in all',
      1999,
      [1, 2],
      [
        [1, 82_500, 165],
        [2, 15_000, 30],
      ],
    ],
    [
      '1010 at 2.5 % twice = 25.25 → 25 each, 50 in all (one 5 % tax would give 50.5 → 51)',
      1010,
      [3, 4],
      [
        [3, 25_000, 25],
        [4, 25_000, 25],
      ],
    ],
    ['a tax listed twice is charged once: 1999 at 1.5 % = 30', 1999, [2, 2], [[2, 15_000, 30]]],
    ['no taxes on the service, no lines', 1999, [], []],
  ];

  it.each(rows)('%s', (_hand, line, taxIds, expected) => {
    const lines = sut.taxLines(context(), line, taxIds);
    expect(lines.map((l) => [l.taxId, l.rateE4, l.amount])).toEqual(expected);
    expect(lines.every((l) => l.taxName === `Tax ${l.taxId}` && l.taxTypeName === 'Sales tax')).toBe(true);
  });

  it('follows the overrides, zones, activity and exemption in the context', () => {
    const ctx = context({
      taxes: new Map([
        fact(1, 82_500),
        fact(2, 15_000, { active: false }),
        fact(3, 25_000, { geographic: true }),
        fact(4, 25_000, { geographic: true }),
      ]),
      zoneTaxIds: new Set([3]),
      overrides: new Map([
        [1, { kind: 'rate' as const, rateE4: 50_000 }],
        [3, { kind: 'exempt' as const, rateE4: null }],
      ]),
    });
    // 1: own rate 5 % → 1999 × 5 % = 99.95 → 100; 2: inactive; 3: in its zone but exempted; 4: zone missed.
    expect(sut.taxLines(ctx, 1999, [1, 2, 3, 4]).map((l) => [l.taxId, l.rateE4, l.amount])).toEqual([[1, 50_000, 100]]);
    expect(sut.taxLines({ ...ctx, exempt: true }, 1999, [1, 2, 3, 4])).toEqual([]);
  });

  it('refuses a tax the context never loaded instead of silently charging nothing', () => {
    expect(() => sut.taxLines(context(), 1999, [99])).toThrow(/Tax 99/);
  });
});
