import { csvFields } from '../../admin/src/voiceSettings/cdrHeader';
import { previewRange } from '../../admin/src/voiceSettings/didRange';
import { billingIncrements, formatRate } from '../../admin/src/voiceSettings/voiceWords';

/**
 * What the voice settings screens work out in the browser: a rate a minute to its last digit, never
 * rounded to cents; the count of a range of numbers before it is sent; a switch file's header columns.
 */
describe('the voice settings words', () => {
  it('shows a rate a minute to four places at least, and to the micro-unit when it is finer', () => {
    expect(formatRate(4500, 'USD', 'en-US')).toBe('$0.0045');
    expect(formatRate(10_000, 'USD', 'en-US')).toBe('$0.0100');
    expect(formatRate(3150, 'USD', 'en-US')).toBe('$0.00315');
    expect(formatRate(12_345, 'USD', 'en-US')).toBe('$0.012345');
    expect(formatRate(1, 'USD', 'en-US')).toBe('$0.000001');
    expect(formatRate(1_250_000, 'EUR', 'de-DE')).toBe('1,2500\u00a0€');
    expect(formatRate(0, 'USD', 'en-US')).toBe('$0.0000');
    expect(billingIncrements(30, 6)).toBe('30/6');
  });

  it('counts a range as typed, both ends included, the country code on one end only', () => {
    expect(previewRange('+1 217 555 0100', '+1 217 555 0199')).toEqual({ count: 100, from: '12175550100', to: '12175550199' });
    expect(previewRange('+1 (217) 555-0100', '217 555 0119')).toMatchObject({ count: 20 });
    expect(previewRange('2175550100', '2175550100')).toMatchObject({ count: 1 });
    expect(previewRange('+1 217 555 0199', '+1 217 555 0100')).toEqual({ problem: 'The last number comes before the first' });
    expect(previewRange('+1 217 555 0000', '+1 217 556 0000')).toEqual({
      problem: `A range adds at most ${(10_000).toLocaleString()} numbers; this one is ${(10_001).toLocaleString()}`,
    });
    expect(previewRange('+1 217', '')).toBeNull();
  });

  it("reads a header line's columns, quoted or not", () => {
    expect(csvFields('Call ID,"Started, UTC",Caller,"Called ""B""",Seconds')).toEqual([
      'Call ID',
      'Started, UTC',
      'Caller',
      'Called "B"',
      'Seconds',
    ]);
  });
});
