import { billedSeconds } from '../../src/voice/billed-duration';

describe('billed seconds: a minimum, then whole increments', () => {
  it.each([
    // [minimum/increment, talk seconds, billed, hand computation]
    ['30/6', 0, 0, 'unanswered: nothing'],
    ['30/6', 1, 30, 'within the minimum: 30'],
    ['30/6', 30, 30, 'exactly the minimum'],
    ['30/6', 31, 36, '30 + ⌈1/6⌉ × 6'],
    ['30/6', 36, 36, '30 + ⌈6/6⌉ × 6'],
    ['30/6', 37, 42, '30 + ⌈7/6⌉ × 6 = 30 + 12'],
    ['60/60', 1, 60, 'the first minute'],
    ['60/60', 60, 60, 'exactly a minute'],
    ['60/60', 61, 120, '60 + ⌈1/60⌉ × 60'],
    ['60/60', 0, 0, 'unanswered: nothing, not a minute'],
    ['1/1', 1, 1, 'to the second'],
    ['1/1', 127, 127, 'to the second'],
    ['6/6', 7, 12, '6 + ⌈1/6⌉ × 6'],
    ['0/6', 1, 6, 'no minimum: ⌈1/6⌉ × 6'],
    ['0/60', 61, 120, 'no minimum: ⌈61/60⌉ × 60'],
  ])('%s bills a %d s call as %d s (%s)', (plan, talk, billed) => {
    const [minimumSeconds, incrementSeconds] = plan.split('/').map(Number);
    expect(billedSeconds(talk, { minimumSeconds, incrementSeconds })).toBe(billed);
  });

  it('refuses figures that are not whole seconds, or an increment of 0', () => {
    expect(() => billedSeconds(10.5, { minimumSeconds: 30, incrementSeconds: 6 })).toThrow(RangeError);
    expect(() => billedSeconds(-1, { minimumSeconds: 30, incrementSeconds: 6 })).toThrow(RangeError);
    expect(() => billedSeconds(10, { minimumSeconds: 30, incrementSeconds: 0 })).toThrow(/increment/);
    expect(() => billedSeconds(10, { minimumSeconds: -1, incrementSeconds: 6 })).toThrow(/minimum/);
  });
});
