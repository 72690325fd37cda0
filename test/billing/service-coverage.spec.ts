import { CoveredLine, CoveringEntry, coverageGaps } from '../../src/billing/service-coverage';

/**
 * The coverage rule on rows written by hand: one $30.00 line, periods starting on
 * the 1st, added on 1 April 2026 and charged through 1 June unless a case says not.
 */
describe('which days of a service count as billed once', () => {
  const line = (over: Partial<CoveredLine> = {}): CoveredLine => ({
    accountServiceId: 7,
    accountId: 3,
    serviceId: 11,
    addedOn: '2026-04-01',
    chargedThrough: '2026-06-01',
    prorateOnAdd: true,
    anchorDay: 1,
    billTiming: 'advance',
    periodAmount: 3000,
    prorationRounding: 'cent',
    ...over,
  });
  const charge = (start: string, end: string, reversed = false): CoveringEntry => ({
    accountServiceId: 7,
    serviceId: 11,
    start,
    end,
    kind: 'charge',
    reversed,
  });
  const credit = (start: string, end: string): CoveringEntry => ({ ...charge(start, end), kind: 'credit' });

  it('finds nothing when each period is charged once', () => {
    expect(coverageGaps([line()], [charge('2026-04-01', '2026-04-30'), charge('2026-05-01', '2026-05-31')])).toEqual([]);
  });

  it('reports a missing period and a doubled one as runs of days', () => {
    const gaps = coverageGaps([line()], [charge('2026-05-01', '2026-05-31'), charge('2026-05-10', '2026-05-31')]);
    expect(gaps).toEqual([
      expect.objectContaining({ accountId: 3, from: '2026-04-01', to: '2026-04-30', times: 0, expected: '1' }),
      expect.objectContaining({ accountId: 3, from: '2026-05-10', to: '2026-05-31', times: 2, expected: '1' }),
    ]);
  });

  it('counts a charge and its reversal as accounted for, and a reversed charge past the billed date as nothing', () => {
    const lines = [line({ chargedThrough: '2026-05-11' })];
    expect(coverageGaps(lines, [charge('2026-04-01', '2026-04-30'), charge('2026-05-01', '2026-05-31', true)])).toEqual([]);
  });

  it('wants days charged past the billed date credited back', () => {
    const lines = [line({ chargedThrough: '2026-05-11' })];
    expect(coverageGaps(lines, [charge('2026-04-01', '2026-04-30'), charge('2026-05-01', '2026-05-31')])).toEqual([
      expect.objectContaining({ from: '2026-05-11', to: '2026-05-31', times: 1, expected: '0' }),
    ]);
    expect(
      coverageGaps(lines, [charge('2026-04-01', '2026-04-30'), charge('2026-05-01', '2026-05-31'), credit('2026-05-11', '2026-05-31')]),
    ).toEqual([]);
  });

  it('lets a service added mid-period without proration in advance ride free until its next period, but not be charged twice', () => {
    const lines = [line({ addedOn: '2026-04-11', prorateOnAdd: false })];
    expect(coverageGaps(lines, [charge('2026-05-01', '2026-05-31')])).toEqual([]);
    expect(coverageGaps(lines, [charge('2026-04-11', '2026-04-30'), charge('2026-05-01', '2026-05-31')])).toEqual([]);
    expect(
      coverageGaps(lines, [charge('2026-04-11', '2026-04-30'), charge('2026-04-11', '2026-04-30'), charge('2026-05-01', '2026-05-31')]),
    ).toEqual([expect.objectContaining({ from: '2026-04-11', to: '2026-04-30', times: 2, expected: '0 or 1' })]);
  });

  it('gives no free days in arrears', () => {
    const lines = [line({ addedOn: '2026-04-11', prorateOnAdd: false, billTiming: 'arrears' })];
    expect(coverageGaps(lines, [charge('2026-05-01', '2026-05-31')])).toEqual([
      expect.objectContaining({ from: '2026-04-11', to: '2026-04-30', times: 0, expected: '1' }),
    ]);
  });

  it('accepts days whose prorated charge rounds to nothing', () => {
    // 1000 × 1 / 30 = 33 cents, which rounds to no whole unit: billing writes no charge for 30 April.
    const lines = [line({ addedOn: '2026-04-30', periodAmount: 1000, prorationRounding: 'unit' })];
    expect(coverageGaps(lines, [charge('2026-05-01', '2026-05-31')])).toEqual([]);
    const cents = [line({ addedOn: '2026-04-30', periodAmount: 1000 })];
    expect(coverageGaps(cents, [charge('2026-05-01', '2026-05-31')])).toEqual([
      expect.objectContaining({ from: '2026-04-30', to: '2026-04-30', times: 0 }),
    ]);
  });

  it('expects nothing of a service never billed', () => {
    expect(coverageGaps([line({ chargedThrough: null })], [])).toEqual([]);
    expect(coverageGaps([line({ chargedThrough: '2026-04-01' })], [])).toEqual([]);
  });
});
