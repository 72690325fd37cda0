import { clientAddressKey } from '../../src/auth/client-address';
import { waitAfterFailures } from '../../src/users/login-throttle-policy';

describe('who a login is counted against, and how long it waits', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:aa:bb:1:2:3:4', '2001:db8:aa:bb::/64'],
    ['2001:db8:aa:bb::9', '2001:db8:aa:bb::/64'],
    ['2001:0db8:00aa:00bb:ffff::1', '2001:db8:aa:bb::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    [undefined, 'unknown'],
    ['not an address', 'unknown'],
  ])('keys %s as %s', (ip, key) => {
    expect(clientAddressKey(ip)).toBe(key);
  });

  it('lets the free failures pass, then doubles the wait up to the cap', () => {
    const policy = { freeFailures: 5, baseSeconds: 1, maxSeconds: 900, windowMinutes: 60 };
    expect([1, 4, 5, 6, 7, 14, 15, 200].map((failures) => waitAfterFailures(failures, policy) / 1000)).toEqual([
      0, 0, 1, 2, 4, 512, 900, 900,
    ]);
  });

  it('takes fractions of a second as the base', () => {
    expect(waitAfterFailures(3, { freeFailures: 1, baseSeconds: 0.25, maxSeconds: 10, windowMinutes: 1 })).toBe(1000);
  });
});
