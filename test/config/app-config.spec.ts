import { InvalidConfigError, loadConfig, trustProxySetting } from '../../src/config/app-config';

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

  it('reads an empty DATABASE_SOCKET as unset: TCP to the URL', () => {
    expect(loadConfig({ ...valid, DATABASE_SOCKET: ' ' }).DATABASE_SOCKET).toBeUndefined();
    expect(loadConfig({ ...valid, DATABASE_SOCKET: '/run/mysqld/mysqld.sock' }).DATABASE_SOCKET).toBe('/run/mysqld/mysqld.sock');
  });

  it('names a missing DATABASE_URL', () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^DATABASE_URL: /)]);
  });

  it.each([
    ['DATABASE_URL', 'postgres://x@y/z', /DATABASE_URL: must start with mysql:\/\//],
    ['DATABASE_SOCKET', 'run/mysqld/mysqld.sock', /DATABASE_SOCKET: must be an absolute path to the server's socket file/],
    ['TEMPORAL_ADDRESS', 'localhost', /TEMPORAL_ADDRESS: must be host:port/],
    ['SMTP_URL', 'mail.example.com', /SMTP_URL: must be smtp:\/\//],
    ['STRIPE_SECRET_KEY', 'pk_test_123', /STRIPE_SECRET_KEY: must look like sk_test_/],
    ['STRIPE_WEBHOOK_SECRET', 'secret', /STRIPE_WEBHOOK_SECRET: must look like whsec_/],
    ['BILLING_TIME_ZONE', 'Mars/Olympus', /BILLING_TIME_ZONE: must be an IANA time zone/],
    ['CURRENCY', 'usd', /CURRENCY: must be an ISO 4217 code/],
    ['PORT', 'eighty', /PORT: /],
    ['SESSION_TTL_HOURS', '0', /SESSION_TTL_HOURS: /],
    ['LOGIN_THROTTLE_FREE_FAILURES', '0', /LOGIN_THROTTLE_FREE_FAILURES: /],
    ['LOGIN_THROTTLE_BASE_SECONDS', '-1', /LOGIN_THROTTLE_BASE_SECONDS: /],
    ['LOGIN_THROTTLE_MAX_SECONDS', 'forever', /LOGIN_THROTTLE_MAX_SECONDS: /],
    ['LOGIN_THROTTLE_WINDOW_MINUTES', '0', /LOGIN_THROTTLE_WINDOW_MINUTES: /],
    ['TRUST_PROXY', 'true', /TRUST_PROXY: must be false, a hop count, or addresses/],
    ['TRUST_PROXY', '10.0.0.0/33', /TRUST_PROXY: /],
    ['TRUST_PROXY', 'loopback,proxy.internal', /TRUST_PROXY: /],
  ])('names a malformed %s', (name, value, message) => {
    expect(problemsOf({ ...valid, [name]: value })).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ['loopback', 'loopback'],
    ['false', false],
    ['2', 2],
    ['10.0.0.0/8, loopback, 2001:db8::/32', '10.0.0.0/8, loopback, 2001:db8::/32'],
    ['192.0.2.10', '192.0.2.10'],
  ])('reads TRUST_PROXY=%s as Express takes it', (value, setting) => {
    expect(trustProxySetting(loadConfig({ ...valid, TRUST_PROXY: value }))).toBe(setting);
  });

  it('throttles logins after five failures, from one second doubling to fifteen minutes, by default', () => {
    expect(loadConfig(valid)).toMatchObject({
      LOGIN_THROTTLE_FREE_FAILURES: 5,
      LOGIN_THROTTLE_BASE_SECONDS: 1,
      LOGIN_THROTTLE_MAX_SECONDS: 900,
      LOGIN_THROTTLE_WINDOW_MINUTES: 60,
      TRUST_PROXY: 'loopback',
    });
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ PORT: '-1', CURRENCY: 'dollars' })).toHaveLength(3);
  });
});
