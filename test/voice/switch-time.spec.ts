import { assertTimeZone, readSwitchTime } from '../../src/voice/switch-time';

const iso = (text: string, zone: string) => readSwitchTime(text, zone)?.toISOString() ?? null;

describe('times as switches write them', () => {
  it.each([
    ['2026-03-02 10:00:05', 'UTC', '2026-03-02T10:00:05.000Z', 'Asterisk with usegmtime'],
    ['2026-03-02 10:00:05', 'America/New_York', '2026-03-02T15:00:05.000Z', 'winter, five hours behind'],
    ['2026-07-02 10:00:05', 'America/New_York', '2026-07-02T14:00:05.000Z', 'summer, four hours behind'],
    ['2026-07-02 10:00:05', 'Asia/Kolkata', '2026-07-02T04:30:05.000Z', 'a half-hour zone'],
    ['2026-03-02T10:00:05.250', 'UTC', '2026-03-02T10:00:05.250Z', 'a T and a fraction'],
    ['2026-03-02T10:00:05+01:00', 'America/New_York', '2026-03-02T09:00:05.000Z', 'an offset beats the zone'],
    ['2026-03-02 10:00:05 -0500', 'UTC', '2026-03-02T15:00:05.000Z', 'an offset without a colon'],
    ['2026-03-02T10:00:05Z', 'Asia/Kolkata', '2026-03-02T10:00:05.000Z', 'Z'],
    ['1772445605', 'America/New_York', '2026-03-02T10:00:05.000Z', 'seconds since 1970'],
  ])('%s in %s is %s (%s)', (text, zone, expected) => {
    expect(iso(text, zone)).toBe(expected);
  });

  it('reads the hour repeated when clocks go back as its first occurrence', () => {
    // New York goes from EDT (−4) to EST (−5) at 06:00 UTC on 1 November 2026: 01:30 happens twice.
    expect(iso('2026-11-01 01:30:00', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    // London goes from BST (+1) to GMT at 01:00 UTC on 25 October 2026.
    expect(iso('2026-10-25 01:30:00', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
    // After the change, the new offset.
    expect(iso('2026-11-01 03:00:00', 'America/New_York')).toBe('2026-11-01T08:00:00.000Z');
  });

  it('reads a time in the hour skipped when clocks go forward with the offset from before', () => {
    // 02:30 on 8 March 2026 does not exist in New York; read as EST it is 07:30 UTC (03:30 EDT).
    expect(iso('2026-03-08 02:30:00', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });

  it.each([
    '2026-02-30 10:00:00',
    '2026-03-02 24:00:00',
    '2026-03-02 10:60:00',
    '2026-03-02',
    'yesterday',
    '0000-00-00 00:00:00',
    '1970-01-01 00:00:00',
    '2126-01-01 00:00:00',
    '',
  ])('refuses %j', (text) => {
    expect(readSwitchTime(text, 'UTC')).toBeNull();
  });

  it('refuses a zone the runtime does not know, before reading any line', () => {
    expect(() => assertTimeZone('America/Springfield')).toThrow(RangeError);
    expect(() => assertTimeZone('Europe/London')).not.toThrow();
  });
});
