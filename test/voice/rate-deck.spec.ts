import { RateDeck, type RateDeckRow } from '../../src/voice/rate-deck';

const row = (
  prefix: string,
  direction: RateDeckRow['direction'],
  ratePerMinuteMicro: number,
  extra: Partial<RateDeckRow> = {},
): RateDeckRow => ({
  prefix,
  description: `${direction} ${prefix}`,
  direction,
  ratePerMinuteMicro,
  minimumSeconds: 60,
  incrementSeconds: 60,
  ...extra,
});
const at = new Date('2026-03-10T12:00:00Z');

describe('finding a call’s rate: the longest prefix of its direction', () => {
  const sut = new RateDeck([
    row('1', 'outbound', 10_000),
    row('1212', 'outbound', 4_500),
    row('12125', 'outbound', 4_000),
    row('44', 'outbound', 21_000),
    row('447', 'outbound', 123_400),
    row('1', 'inbound', 0),
    row('1800', 'inbound', 17_500),
  ]);

  it.each([
    ['outbound', '12125550100', '12125', 'five digits beat four and one'],
    ['outbound', '12124440100', '1212', '1212 matches, 12125 does not'],
    ['outbound', '13125550100', '1', 'only the country code matches'],
    ['outbound', '447700900123', '447', 'the mobile range beats the country'],
    ['outbound', '442079460958', '44', 'no London row, so the country'],
    ['inbound', '18005550199', '1800', 'inbound has its own rows'],
    ['inbound', '12125550100', '1', 'the outbound 1212 rows are not inbound ones'],
  ])('%s to %s takes prefix %s (%s)', (direction, number, prefix) => {
    expect(sut.rateFor(direction as RateDeckRow['direction'], number, at)?.prefix).toBe(prefix);
  });

  it('finds nothing for a destination the deck lacks, or a direction with no rows for it', () => {
    expect(sut.rateFor('outbound', '33142685300', at)).toBeUndefined();
    expect(sut.rateFor('inbound', '447700900123', at)).toBeUndefined();
  });

  it('does not match a prefix longer than the number', () => {
    expect(sut.rateFor('outbound', '121', at)?.prefix).toBe('1');
  });
});

describe('rows with a start date', () => {
  const sut = new RateDeck([
    row('44', 'outbound', 21_000),
    row('44', 'outbound', 19_000, { effectiveFrom: new Date('2026-03-15T00:00:00Z') }),
    row('4420', 'outbound', 12_500, { effectiveFrom: new Date('2026-04-01T00:00:00Z') }),
  ]);

  it('uses the latest row already in effect when the call starts', () => {
    expect(sut.rateFor('outbound', '442079460958', new Date('2026-03-14T23:59:59Z'))?.ratePerMinuteMicro).toBe(21_000);
    expect(sut.rateFor('outbound', '442079460958', new Date('2026-03-15T00:00:00Z'))?.ratePerMinuteMicro).toBe(19_000);
  });

  it('passes over a longer prefix not yet in effect, to a shorter one that is', () => {
    expect(sut.rateFor('outbound', '442079460958', new Date('2026-03-31T12:00:00Z'))?.prefix).toBe('44');
    expect(sut.rateFor('outbound', '442079460958', new Date('2026-04-01T00:00:00Z'))?.prefix).toBe('4420');
  });
});

describe('a deck that does not hang together is refused', () => {
  it('refuses the same prefix and direction twice from the same date', () => {
    expect(() => new RateDeck([row('44', 'outbound', 1), row('44', 'outbound', 2)])).toThrow(/44 outbound twice/);
    expect(() => new RateDeck([row('44', 'outbound', 1), row('44', 'inbound', 2)])).not.toThrow();
  });

  it('refuses a prefix that is not digits, a fractional rate and an increment of 0', () => {
    expect(() => new RateDeck([row('+44', 'outbound', 1)])).toThrow(/prefix/);
    expect(() => new RateDeck([row('44', 'outbound', 0.5)])).toThrow(/micro-units/);
    expect(() => new RateDeck([row('44', 'outbound', 1, { incrementSeconds: 0 })])).toThrow(/increment/);
  });
});
