import { grantsAt, useAllowance } from '../../src/usage/allowance';
import { localHourSql, offsetSegments, utcOffsetMinutes } from '../../src/usage/local-hour';
import { freeHourMask, gbToOctets, octetsToGb, policyProblems } from '../../src/usage/usage-policy';

const GB = 1_000_000_000n;
const d = (iso: string) => new Date(iso);

describe('GB figures', () => {
  it('reads decimal GB exactly, to the octet', () => {
    expect(gbToOctets('1000')).toBe(1000n * GB); // a terabyte
    expect(gbToOctets('12.5')).toBe(12_500_000_000n);
    expect(gbToOctets('0.000000001')).toBe(1n);
    expect(() => gbToOctets('1e3')).toThrow(RangeError);
    expect(() => gbToOctets('-1')).toThrow(RangeError);
    expect(() => gbToOctets('0.0000000001')).toThrow(RangeError);
  });

  it('writes octets as GB without trailing zeros', () => {
    expect(octetsToGb(12_500_000_000n)).toBe('12.5');
    expect(octetsToGb(100n * GB)).toBe('100');
    expect(octetsToGb(1n)).toBe('0.000000001');
  });
});

describe('free hours', () => {
  it('sets one bit per free hour, a window past midnight wrapping', () => {
    expect(freeHourMask([{ startHour: 1, endHour: 6 }])).toBe(0b111110);
    expect(freeHourMask([{ startHour: 22, endHour: 2 }])).toBe((1 << 22) | (1 << 23) | 0b11);
    expect(freeHourMask([{ startHour: 0, endHour: 24 }])).toBe(0xffffff);
    expect(freeHourMask([])).toBe(0);
  });

  it('finds the zone’s offsets and the daylight-saving change between', () => {
    // New York moved from UTC-5 to UTC-4 at 07:00 UTC on 8 March 2026.
    const segments = offsetSegments('America/New_York', d('2026-03-01T00:00:00Z'), d('2026-04-01T00:00:00Z'));
    expect(segments).toEqual([
      { from: d('2026-03-01T00:00:00Z'), offsetMinutes: -300 },
      { from: d('2026-03-08T07:00:00Z'), offsetMinutes: -240 },
    ]);
    expect(offsetSegments('UTC', d('2026-03-01T00:00:00Z'), d('2026-04-01T00:00:00Z'))).toHaveLength(1);
    expect(utcOffsetMinutes('Asia/Kolkata', d('2026-03-01T00:00:00Z'))).toBe(330);
  });

  it('gives SQL for the local hour with the offsets as parameters', () => {
    expect(localHourSql('h.hour_start', [{ from: d('2026-03-01T00:00:00Z'), offsetMinutes: 60 }])).toEqual({
      sql: 'HOUR(DATE_ADD(h.hour_start, INTERVAL ? MINUTE))',
      params: [60],
    });
    const two = localHourSql('h.hour_start', [
      { from: d('2026-03-01T00:00:00Z'), offsetMinutes: -300 },
      { from: d('2026-03-08T07:00:00Z'), offsetMinutes: -240 },
    ]);
    expect(two.sql).toBe('HOUR(DATE_ADD(h.hour_start, INTERVAL CASE WHEN h.hour_start >= ? THEN ? ELSE ? END MINUTE))');
    expect(two.params).toEqual([d('2026-03-08T07:00:00Z'), -240, -300]);
  });
});

describe('meeting usage from the allowance', () => {
  const policy = { capOctets: 100n * GB, atCap: 'overage' as const, overageBlockOctets: 10n * GB, rollover: true };

  it('uses the cap, then rollover oldest first, then top-offs; overage in started blocks', () => {
    const grants = [
      { settlementId: 2, remaining: 30n * GB, expiresAt: d('2026-06-01T00:00:00Z') },
      { settlementId: 1, remaining: 5n * GB, expiresAt: d('2026-05-01T00:00:00Z') },
    ];
    const use = useAllowance(policy, 171n * GB, 20n * GB, grants);
    expect(use).toMatchObject({
      allowanceOctets: 155n * GB,
      rolloverOctets: 35n * GB,
      rolloverUsed: 35n * GB,
      draws: [
        { settlementId: 1, octets: 5n * GB },
        { settlementId: 2, octets: 30n * GB },
      ],
      earned: 0n,
      overageOctets: 16n * GB,
      overageBlocks: 2,
    });
    // One octet over is a whole block.
    expect(useAllowance(policy, 100n * GB + 1n, 0n, []).overageBlocks).toBe(1);
    expect(useAllowance(policy, 100n * GB, 0n, []).overageBlocks).toBe(0);
  });

  it('rolls over only unused plan cap, and nothing when the policy does not roll over', () => {
    expect(useAllowance(policy, 40n * GB, 20n * GB, []).earned).toBe(60n * GB);
    expect(useAllowance({ ...policy, rollover: false }, 40n * GB, 0n, []).earned).toBe(0n);
  });

  it('charges no blocks for a policy that slows at the cap, and nothing without a cap', () => {
    expect(useAllowance({ ...policy, atCap: 'slow' }, 150n * GB, 0n, [])).toMatchObject({ overageOctets: 50n * GB, overageBlocks: 0 });
    expect(useAllowance({ ...policy, capOctets: null }, 900n * GB, 0n, [])).toMatchObject({ allowanceOctets: null, overageBlocks: 0 });
  });

  it('offers each earlier grant less what later periods drew, until it lapses', () => {
    const history = [
      { id: 1, periodStart: d('2026-01-01T00:00:00Z'), earned: 35n * GB, expiresAt: d('2026-04-01T00:00:00Z'), draws: [] },
      { id: 2, periodStart: d('2026-02-01T00:00:00Z'), earned: 0n, expiresAt: null, draws: [{ settlementId: 1, octets: 20n * GB }] },
      { id: 3, periodStart: d('2026-03-01T00:00:00Z'), earned: 0n, expiresAt: null, draws: [{ settlementId: 1, octets: 15n * GB }] },
    ];
    expect(grantsAt(history, d('2026-03-01T00:00:00Z'))).toEqual([
      { settlementId: 1, remaining: 15n * GB, expiresAt: d('2026-04-01T00:00:00Z') },
    ]);
    // Used up by March, and lapsed by April in any case.
    expect(grantsAt(history, d('2026-04-01T00:00:00Z'))).toEqual([]);
    expect(grantsAt(history.slice(0, 1), d('2026-04-01T00:00:00Z'))).toEqual([]);
  });
});

describe('policy rules', () => {
  const base = {
    capOctets: 100n * GB,
    atCap: 'overage' as const,
    overageServiceId: 1,
    overageBlockOctets: 10n * GB,
    slowDownloadKbps: null,
    slowUploadKbps: null,
    topOffsAllowed: false,
    topOffOctets: null,
    topOffServiceId: null,
    rollover: false,
    rolloverExpiryMonths: null,
    freeWindows: [],
  };

  it('accepts a consistent policy and names each missing figure', () => {
    expect(policyProblems(base)).toEqual([]);
    expect(policyProblems({ ...base, overageServiceId: null }).map((p) => p.field)).toEqual(['overageServiceId']);
    expect(policyProblems({ ...base, atCap: 'slow' }).map((p) => p.field)).toEqual(['slowDownloadKbps', 'slowUploadKbps']);
    expect(policyProblems({ ...base, topOffsAllowed: true }).map((p) => p.field)).toEqual(['topOffGb', 'topOffServiceId']);
    expect(policyProblems({ ...base, rollover: true }).map((p) => p.field)).toEqual(['rolloverExpiryMonths']);
    expect(policyProblems({ ...base, capOctets: null, rollover: true, rolloverExpiryMonths: 1 }).map((p) => p.rule)).toEqual(['needsCap']);
    expect(policyProblems({ ...base, freeWindows: [{ startHour: 3, endHour: 3 }] }).map((p) => p.field)).toEqual([
      'freeWindows[0].endHour',
    ]);
  });
});
