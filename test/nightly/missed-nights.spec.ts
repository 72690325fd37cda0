import { MAX_CATCH_UP_NIGHTS, missedNights } from '../../src/nightly/missed-nights';

describe('missed nights', () => {
  it('are the days between the last completed night and tonight, oldest first', () => {
    expect(missedNights('2026-06-01', '2026-06-05')).toEqual(['2026-06-02', '2026-06-03', '2026-06-04']);
  });

  it('cross a month end and a leap day', () => {
    expect(missedNights('2028-02-27', '2028-03-02')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });

  it('are none after yesterday, after tonight itself, or before any night completed', () => {
    expect(missedNights('2026-06-04', '2026-06-05')).toEqual([]);
    expect(missedNights('2026-06-05', '2026-06-05')).toEqual([]);
    expect(missedNights('2026-06-09', '2026-06-05')).toEqual([]);
    expect(missedNights(null, '2026-06-05')).toEqual([]);
  });

  it(`keep only the newest ${MAX_CATCH_UP_NIGHTS} of a long gap`, () => {
    const nights = missedNights('2026-01-01', '2026-06-05');
    expect(nights).toHaveLength(MAX_CATCH_UP_NIGHTS);
    expect(nights[0]).toBe('2026-05-05');
    expect(nights[nights.length - 1]).toBe('2026-06-04');
  });
});
