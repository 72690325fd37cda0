import {
  addBusinessTime,
  instantOfWallTime,
  intervalProblem,
  isOpenAt,
  localDate,
  minutesOfClock,
  type BusinessCalendar,
  type IsoWeekday,
  type OpenInterval,
} from '../../src/ticket-deadlines/business-time';

const HOUR = 3600;

/** Monday to Friday, 09:00 to 17:00. */
function officeHours(): OpenInterval[] {
  return ([1, 2, 3, 4, 5] as IsoWeekday[]).map((weekday) => ({ weekday, opensMinute: 9 * 60, closesMinute: 17 * 60 }));
}

function calendar(timeZone: string, hours: OpenInterval[] = officeHours(), holidays: string[] = []): BusinessCalendar {
  return { timeZone, hours, holidays };
}

/** The wall clock in the zone, to read results the way a clerk would. */
function wall(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(at);
}

describe('business time', () => {
  it('carries a ticket opened on Friday evening over the weekend to Monday morning', () => {
    const sut = addBusinessTime(new Date('2026-06-05T17:30:00Z'), 2 * HOUR, calendar('Europe/London'));
    // Friday 18:30 in London is after closing; Monday opens at 09:00 and two hours later it is 11:00.
    expect(wall(sut, 'Europe/London')).toBe('2026-06-08 11:00');
    expect(sut.toISOString()).toBe('2026-06-08T10:00:00.000Z');
  });

  it('counts what is left of Friday and the rest on Monday, in New York', () => {
    const sut = addBusinessTime(new Date('2026-06-05T20:00:00Z'), 2 * HOUR, calendar('America/New_York'));
    // 16:00 on Friday: one hour until closing, the second from Monday's opening.
    expect(wall(sut, 'America/New_York')).toBe('2026-06-08 10:00');
  });

  it('runs inside the day when the target fits before closing', () => {
    const sut = addBusinessTime(new Date('2026-06-03T09:15:00Z'), 30 * 60, calendar('UTC'));
    expect(sut.toISOString()).toBe('2026-06-03T09:45:00.000Z');
  });

  it('keeps Monday morning at local 09:00 across the spring-forward weekend', () => {
    // London moves from GMT to BST on Sunday 29 March 2026; Friday 16:00 GMT leaves one hour.
    const sut = addBusinessTime(new Date('2026-03-27T16:00:00Z'), 2 * HOUR, calendar('Europe/London'));
    expect(wall(sut, 'Europe/London')).toBe('2026-03-30 10:00');
    expect(sut.toISOString()).toBe('2026-03-30T09:00:00.000Z');
  });

  it('counts the short night of spring forward as the 23 hours it holds', () => {
    const sut = addBusinessTime(new Date('2026-03-28T12:00:00Z'), 24 * HOUR, calendar('Europe/London', []));
    expect(sut.toISOString()).toBe('2026-03-29T12:00:00.000Z');
    const allDayOnSunday = calendar('Europe/London', [{ weekday: 7, opensMinute: 0, closesMinute: 1440 }]);
    // Sunday the 29th holds 23 real hours; 23 hours of business time fill it, a 24th runs into the next Sunday.
    expect(addBusinessTime(new Date('2026-03-28T12:00:00Z'), 23 * HOUR, allDayOnSunday).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(addBusinessTime(new Date('2026-03-28T12:00:00Z'), 24 * HOUR, allDayOnSunday).toISOString()).toBe('2026-04-05T00:00:00.000Z');
  });

  it('counts the long night of fall back as the 25 hours it holds', () => {
    // London moves back to GMT on Sunday 25 October 2026: 01:00 to 02:00 is shown twice.
    const earlyHours = calendar('Europe/London', [{ weekday: 7, opensMinute: 0, closesMinute: 3 * 60 }]);
    const sut = addBusinessTime(new Date('2026-10-24T20:00:00Z'), 3 * HOUR, earlyHours);
    // Sunday 00:00 BST is Saturday 23:00 UTC; three real hours later it is 02:00 UTC, 02:00 GMT on the wall.
    expect(sut.toISOString()).toBe('2026-10-25T02:00:00.000Z');
    expect(wall(sut, 'Europe/London')).toBe('2026-10-25 02:00');
    const allDayOnSunday = calendar('Europe/London', [{ weekday: 7, opensMinute: 0, closesMinute: 1440 }]);
    expect(addBusinessTime(new Date('2026-10-24T23:00:00Z'), 25 * HOUR, allDayOnSunday).toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('opens at the moment the clocks jump when the opening time is one they skip', () => {
    // New York skips 02:00 to 03:00 on Sunday 8 March 2026; an opening at 02:30 opens at 03:00 EDT.
    const skipped = calendar('America/New_York', [{ weekday: 7, opensMinute: 150, closesMinute: 240 }]);
    expect(instantOfWallTime('2026-03-08', 150, 'America/New_York')).toBe(Date.parse('2026-03-08T07:00:00Z'));
    const sut = addBusinessTime(new Date('2026-03-07T12:00:00Z'), 30 * 60, skipped);
    expect(sut.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(wall(sut, 'America/New_York')).toBe('2026-03-08 03:30');
    // The span from 03:00 to 04:00 holds one hour: an hour and a quarter runs into the next Sunday.
    expect(wall(addBusinessTime(new Date('2026-03-07T12:00:00Z'), 75 * 60, skipped), 'America/New_York')).toBe('2026-03-15 02:45');
  });

  it('skips a holiday Monday', () => {
    const sut = addBusinessTime(new Date('2026-05-01T17:00:00Z'), 2 * HOUR, calendar('Europe/London', officeHours(), ['2026-05-04']));
    expect(wall(sut, 'Europe/London')).toBe('2026-05-05 11:00');
  });

  it('stops the round-the-clock calendar on holidays too', () => {
    const sut = addBusinessTime(new Date('2026-12-24T22:00:00Z'), 4 * HOUR, calendar('UTC', [], ['2026-12-25']));
    // Two hours on Christmas Eve, then nothing until Boxing Day.
    expect(sut.toISOString()).toBe('2026-12-26T02:00:00.000Z');
  });

  it('is plain elapsed time with neither hours nor holidays', () => {
    const sut = addBusinessTime(new Date('2026-06-06T10:00:00Z'), 5, calendar('Europe/London', []));
    expect(sut.toISOString()).toBe('2026-06-06T10:00:05.000Z');
  });

  it('uses every interval of a day, split or overlapping', () => {
    const split = calendar('UTC', [
      { weekday: 3, opensMinute: 8 * 60, closesMinute: 12 * 60 },
      { weekday: 3, opensMinute: 13 * 60, closesMinute: 17 * 60 },
      { weekday: 3, opensMinute: 16 * 60, closesMinute: 18 * 60 },
    ]);
    // Wednesday 3 June 2026, 11:00: one hour before lunch, then from 13:00 on.
    expect(addBusinessTime(new Date('2026-06-03T11:00:00Z'), 3 * HOUR, split).toISOString()).toBe('2026-06-03T15:00:00.000Z');
    // 11:00 to 12:00 and 13:00 to 18:00 (the overlap counted once) make six hours; a seventh goes to next week.
    expect(addBusinessTime(new Date('2026-06-03T11:00:00Z'), 6 * HOUR, split).toISOString()).toBe('2026-06-03T18:00:00.000Z');
    expect(addBusinessTime(new Date('2026-06-03T11:00:00Z'), 7 * HOUR, split).toISOString()).toBe('2026-06-10T09:00:00.000Z');
  });

  it('handles a night shift written as two intervals split at midnight', () => {
    const night = calendar('UTC', [
      { weekday: 5, opensMinute: 22 * 60, closesMinute: 1440 },
      { weekday: 6, opensMinute: 0, closesMinute: 6 * 60 },
    ]);
    expect(addBusinessTime(new Date('2026-06-05T21:00:00Z'), 4 * HOUR, night).toISOString()).toBe('2026-06-06T02:00:00.000Z');
  });

  it('refuses an interval that crosses midnight or closes before it opens', () => {
    expect(intervalProblem({ weekday: 5, opensMinute: 22 * 60, closesMinute: 6 * 60 })).toMatch(/may not cross midnight/);
    expect(intervalProblem({ weekday: 8 as IsoWeekday, opensMinute: 0, closesMinute: 60 })).toMatch(/weekday/);
    expect(intervalProblem({ weekday: 1, opensMinute: 0, closesMinute: 1440 })).toBeNull();
    expect(() => addBusinessTime(new Date(), 60, calendar('UTC', [{ weekday: 1, opensMinute: 600, closesMinute: 600 }]))).toThrow(
      RangeError,
    );
  });

  it('refuses a negative duration, and takes zero as the start itself', () => {
    expect(() => addBusinessTime(new Date(), -1, calendar('UTC'))).toThrow(RangeError);
    expect(addBusinessTime(new Date('2026-06-06T10:00:00Z'), 0, calendar('UTC')).toISOString()).toBe('2026-06-06T10:00:00.000Z');
  });

  it('reads clock times and local days', () => {
    expect(minutesOfClock('09:30')).toBe(570);
    expect(minutesOfClock('24:00')).toBe(1440);
    expect(minutesOfClock('24:30')).toBeNull();
    expect(minutesOfClock('9:30')).toBeNull();
    expect(localDate(new Date('2026-06-05T23:30:00Z'), 'Europe/London')).toBe('2026-06-06');
    expect(isOpenAt(new Date('2026-06-05T08:30:00Z'), calendar('Europe/London'))).toBe(true);
    expect(isOpenAt(new Date('2026-06-06T10:00:00Z'), calendar('Europe/London'))).toBe(false);
  });
});
