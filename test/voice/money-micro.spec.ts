import { chargeMicroSeconds, formatMicro, lineCents, readMicro } from '../../src/voice/money-micro';

describe('rates in micro-units (millionths of the currency unit)', () => {
  it.each([
    ['0.0045', 4_500],
    ['0.01', 10_000],
    ['1', 1_000_000],
    ['0.000001', 1],
    ['12.345678', 12_345_678],
    [' 0.1234 ', 123_400],
    ['0', 0],
  ])('reads %j as %d micro-units, digit by digit', (text, micro) => {
    expect(readMicro(text)).toEqual({ ok: true, micro });
  });

  it.each(['0.0000001', '0.12345678'])('refuses %j: more than six decimal places is finer than a micro-unit', (text) => {
    const reading = readMicro(text);
    expect(reading.ok).toBe(false);
    expect(reading).toMatchObject({ message: expect.stringContaining('at most 6') });
  });

  it.each(['-0.01', '1e-3', '$0.01', '0,01', '', '.5', '1.'])('refuses %j, which is not a plain decimal', (text) => {
    expect(readMicro(text).ok).toBe(false);
  });

  it('writes micro-units back without trailing zeros', () => {
    expect(formatMicro(4_500)).toBe('0.0045');
    expect(formatMicro(1_000_000)).toBe('1');
    expect(formatMicro(12_345_678)).toBe('12.345678');
    expect(formatMicro(0)).toBe('0');
  });
});

describe('a charge is exact until the invoice line', () => {
  it('keeps a call as seconds × micro-units a minute, past what a double holds exactly', () => {
    expect(chargeMicroSeconds(42, 4_500)).toBe(189_000n);
    // 10^7 seconds × 999,999,999 µ/min = 9,999,999,990,000,000 > 2^53.
    expect(chargeMicroSeconds(10_000_000, 999_999_999)).toBe(9_999_999_990_000_000n);
    expect(() => chargeMicroSeconds(1.5, 4_500)).toThrow(RangeError);
    expect(() => chargeMicroSeconds(10, -1)).toThrow(RangeError);
  });

  it.each([
    // [hand computation, micro-unit-seconds, cents]; a cent is 60 × 10,000 = 600,000 micro-unit-seconds.
    ['299,999 / 600,000 = 0.4999983 → 0', 299_999n, 0],
    ['300,000 / 600,000 = 0.5 → 1 (a half goes up)', 300_000n, 1],
    ['900,000 / 600,000 = 1.5 → 2', 900_000n, 2],
    ['9,445,300 / 600,000 = 15.742 → 16', 9_445_300n, 16],
    ['0 → 0', 0n, 0],
    ['-300,000 / 600,000 = -0.5 → -1 (away from zero, like every amount in the project)', -300_000n, -1],
  ])('rounds a line once: %s', (_hand, micro, cents) => {
    expect(lineCents(micro)).toBe(cents);
  });

  it('differs from rounding each call: five calls of 0.4 ¢ are 2 ¢ on one line, 0 ¢ call by call', () => {
    // 24 s at $0.0100/min = 24 × 10,000 = 240,000 µ·s = 0.4 ¢ each; rounded alone each is 0 ¢.
    const calls = Array.from({ length: 5 }, () => chargeMicroSeconds(24, 10_000));
    const callByCall = calls.reduce((sum, c) => sum + lineCents(c), 0);
    const line = lineCents(calls.reduce((sum, c) => sum + c, 0n));
    expect(callByCall).toBe(0);
    // 5 × 240,000 = 1,200,000 µ·s = 2 ¢ exactly.
    expect(line).toBe(2);
  });
});
