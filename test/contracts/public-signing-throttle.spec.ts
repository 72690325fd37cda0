import { Clock } from '../../src/common/clock';
import { DomainException } from '../../src/common/errors';
import { PublicSigningThrottle } from '../../src/contracts/public-signing-throttle';

class FixedClock extends Clock {
  at = Date.parse('2026-12-01T10:00:00Z');
  override now(): Date {
    return new Date(this.at);
  }
}

describe('the public signing routes, counted per client address', () => {
  const refusal = (take: () => void) => {
    try {
      take();
    } catch (err) {
      return err as DomainException;
    }
    return null;
  };

  it('lets a signer through and stops an address after 30 calls in ten minutes, with a Retry-After', () => {
    const clock = new FixedClock();
    const throttle = new PublicSigningThrottle(clock);
    for (let i = 0; i < 30; i++) expect(refusal(() => throttle.take('203.0.113.7'))).toBeNull();
    const refused = refusal(() => throttle.take('203.0.113.7'));
    expect(refused).toMatchObject({ code: 'contract_signing_throttled', status: 429 });
    expect(refused?.headers['Retry-After']).toBe('600');
    // Another address is counted on its own; the first is let through once its window has passed.
    expect(refusal(() => throttle.take('198.51.100.1'))).toBeNull();
    clock.at += 10 * 60_000;
    expect(refusal(() => throttle.take('203.0.113.7'))).toBeNull();
  });

  it('stops an address after ten links that did not work, however few calls it made', () => {
    const throttle = new PublicSigningThrottle(new FixedClock());
    for (let i = 0; i < 10; i++) {
      expect(refusal(() => throttle.take('2001:db8:1:2::5'))).toBeNull();
      throttle.invalidLink('2001:db8:1:2::5');
    }
    // The same /64 is the same subscriber line.
    expect(refusal(() => throttle.take('2001:db8:1:2::99'))).toMatchObject({ status: 429 });
  });
});
