import { InvalidConfigError, loadConfig } from '../../src/config/app-config';

const valid = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/backhaul' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof InvalidConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('fills defaults around the one required value', () => {
    const sut = loadConfig(valid);
    expect(sut).toMatchObject({
      PORT: 3000,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      CURRENCY: 'USD',
      BILLING_TIME_ZONE: 'UTC',
    });
    expect(Object.isFrozen(sut)).toBe(true);
  });

  it('names a missing DATABASE_URL', () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^DATABASE_URL: /)]);
  });

  it.each([
    ['DATABASE_URL', 'postgres://x@y/z', /DATABASE_URL: must start with mysql:\/\//],
    ['TEMPORAL_ADDRESS', 'localhost', /TEMPORAL_ADDRESS: must be host:port/],
    ['SMTP_URL', 'mail.example.com', /SMTP_URL: must be smtp:\/\//],
    ['STRIPE_SECRET_KEY', 'pk_test_123', /STRIPE_SECRET_KEY: must look like sk_test_/],
    ['STRIPE_WEBHOOK_SECRET', 'secret', /STRIPE_WEBHOOK_SECRET: must look like whsec_/],
    ['BILLING_TIME_ZONE', 'Mars/Olympus', /BILLING_TIME_ZONE: must be an IANA time zone/],
    ['CURRENCY', 'usd', /CURRENCY: must be an ISO 4217 code/],
    ['PORT', 'eighty', /PORT: /],
    ['SESSION_TTL_HOURS', '0', /SESSION_TTL_HOURS: /],
  ])('names a malformed %s', (name, value, message) => {
    expect(problemsOf({ ...valid, [name]: value })).toEqual([expect.stringMatching(message)]);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ PORT: '-1', CURRENCY: 'dollars' })).toHaveLength(3);
  });
});
