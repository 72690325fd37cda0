import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { ALL_PERMISSIONS, Permission } from '../../src/auth/permission';
import { Clock } from '../../src/common/clock';
import { RolesService } from '../../src/users/roles.service';
import { UsersService } from '../../src/users/users.service';
import { createTestApp, TestApp } from '../support/test-app';

/** Three free failures, then waits of 2, 4, 8… seconds, at most a minute. */
const THROTTLE = {
  LOGIN_THROTTLE_FREE_FAILURES: '3',
  LOGIN_THROTTLE_BASE_SECONDS: '2',
  LOGIN_THROTTLE_MAX_SECONDS: '60',
  LOGIN_THROTTLE_WINDOW_MINUTES: '30',
};

/*
 * Every login here comes from its own made-up address (X-Forwarded-For, trusted from
 * loopback). Other suites log in from loopback into the same database under a looser
 * policy; a count this suite wrote there could make them wait.
 */

/** A documentation address (RFC 5737) no other test uses, so counts start at zero. */
function freshAddress(): string {
  return `198.51.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

function unknownEmail(): string {
  return `nobody-${randomUUID().slice(0, 8)}@test.backhaul.local`;
}

/** What a client can see of an answer, minus the request id that differs on every request. */
function visible(res: Response) {
  const body = { ...(res.body as Record<string, unknown>) };
  delete body.requestId;
  return { status: res.status, body, retryAfter: res.headers['retry-after'], setsCookie: 'set-cookie' in res.headers };
}

describe('login throttling per email and per client address', () => {
  let sut: TestApp;
  let now: Date;

  const login = (from: string, email: string, password: string) =>
    sut.http().post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });
  const staffUser = async (permissions: Permission[] = []) => {
    const suffix = randomUUID().slice(0, 8);
    const role = await sut.app.get(RolesService).create({ name: `role-${suffix}`, permissions });
    const password = `pw-${randomUUID()}`;
    const email = `user-${suffix}@test.backhaul.local`;
    const user = await sut.app.get(UsersService).create({ email, name: `User ${suffix}`, password, roleIds: [role.id] });
    return { id: user.id, email, password };
  };
  const tokenOf = async (user: { email: string; password: string }) =>
    (await login(freshAddress(), user.email, user.password).expect(200)).body.token as string;
  const advance = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
  };

  beforeAll(async () => {
    sut = await createTestApp(THROTTLE);
  });
  beforeEach(() => {
    now = new Date();
    jest.spyOn(sut.app.get(Clock), 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => sut.close());

  it('answers 429 with Retry-After once the free failures are spent, even to the right password, and the waits double', async () => {
    const user = await staffUser();
    const from = freshAddress();
    for (let i = 0; i < 3; i++) {
      const res = await login(from, user.email, 'wrong-password');
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Email or password is wrong');
    }

    for (const wait of [2, 4, 8]) {
      const refused = await login(from, user.email, user.password);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe(String(wait));
      expect(refused.body).toMatchObject({ code: 'login_throttled', message: `Too many failed logins; try again in ${wait} seconds` });
      expect(refused.headers['set-cookie']).toBeUndefined();

      advance(wait - 1);
      await login(from, user.email, user.password).expect(429).expect('Retry-After', '1');
      advance(1);
      await login(from, user.email, 'wrong-password').expect(401);
    }

    // The cap holds however long the guessing goes on.
    for (let i = 0; i < 4; i++) {
      const refused = await login(from, user.email, 'wrong-password').expect(429);
      advance(Number(refused.headers['retry-after']));
      await login(from, user.email, 'wrong-password').expect(401);
    }
    await login(from, user.email, 'wrong-password').expect(429).expect('Retry-After', '60');

    advance(60);
    const ok = await login(from, user.email, user.password).expect(200);
    expect(ok.body.token).toEqual(expect.any(String));
  });

  it('lets the right password in from a clean address while another address hammers the same email', async () => {
    const user = await staffUser();
    const attacker = freshAddress();
    for (let i = 0; i < 3; i++) await login(attacker, user.email, `guess-${i}`).expect(401);
    await login(attacker, user.email, 'guess-3').expect(429);
    await login(attacker, user.email, user.password).expect(429);

    const colleague = await login(freshAddress(), user.email, user.password).expect(200);
    expect(colleague.body.token).toEqual(expect.any(String));
    // The attacker's address is still made to wait: the colleague's success does not free it.
    const attackerAgain = await login(attacker, user.email, user.password).expect(429);
    expect(attackerAgain.headers['set-cookie']).toBeUndefined();
  });

  it('throttles one address trying many emails, known or not', async () => {
    const from = freshAddress();
    for (let i = 0; i < 3; i++) await login(from, unknownEmail(), 'password').expect(401);
    const user = await staffUser();
    const refused = await login(from, user.email, user.password).expect(429);
    expect(refused.headers['retry-after']).toBe('2');
  });

  it('answers an unknown email exactly as it answers a known one, refusals and waits included', async () => {
    const user = await staffUser();
    const answers = async (email: string) => {
      const from = freshAddress();
      const seen = [];
      for (let i = 0; i < 5; i++) seen.push(visible(await login(from, email, 'wrong-password')));
      advance(2);
      seen.push(visible(await login(from, email, 'wrong-password')));
      seen.push(visible(await login(from, email, 'wrong-password')));
      return seen;
    };
    const known = await answers(user.email);
    const unknown = await answers(unknownEmail());
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 429, 429, 401, 429]);
  });

  it('spends as long on an unknown email as on a wrong password, because both check a password hash', async () => {
    const users = [];
    for (let i = 0; i < 5; i++) users.push(await staffUser());
    const timed = async (email: string) => {
      const started = process.hrtime.bigint();
      await login(freshAddress(), email, 'wrong-password').expect(401);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (const user of users) {
      known.push(await timed(user.email));
      unknown.push(await timed(unknownEmail()));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[2];
    // Without the stand-in hash an unknown email would answer in a small fraction of the time.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('forgets an address’s failures when it logs in, and an email’s after the window', async () => {
    const user = await staffUser();
    const from = freshAddress();
    await login(from, unknownEmail(), 'password').expect(401);
    await login(from, unknownEmail(), 'password').expect(401);
    await login(from, user.email, user.password).expect(200);
    // Counted from zero again: three more free failures before the wait.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await login(from, unknownEmail(), 'password')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);

    const target = await staffUser();
    const other = freshAddress();
    for (let i = 0; i < 3; i++) await login(other, target.email, 'wrong-password').expect(401);
    await login(other, target.email, target.password).expect(429);
    advance(30 * 60);
    const afterWindow = [];
    for (let i = 0; i < 4; i++) afterWindow.push((await login(other, target.email, 'wrong-password')).status);
    expect(afterWindow).toEqual([401, 401, 401, 429]);
  });

  it('counts parallel guesses from one address in the database, so only the free ones are checked', async () => {
    const user = await staffUser();
    const from = freshAddress();
    const answers = await Promise.all(Array.from({ length: 8 }, () => login(from, user.email, 'wrong-password')));
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('audits every checked failure, for known and unknown emails, and not the refused attempts', async () => {
    const user = await staffUser();
    const stranger = unknownEmail();
    const from = freshAddress();
    for (let i = 0; i < 3; i++) await login(from, user.email, 'wrong-password').expect(401);
    await login(from, user.email, 'wrong-password').expect(429);
    await login(from, stranger, 'wrong-password').expect(429);
    advance(2);
    await login(from, stranger, 'wrong-password').expect(401);

    const userTrail = await sut.db.query(
      "SELECT action, actor_user_id AS actor, after_state AS after FROM action_history WHERE entity_type = 'staff_user' AND entity_id = ? AND action = 'login_failed' ORDER BY id",
      [String(user.id)],
    );
    expect(userTrail.map((r: { after: string | object }) => (typeof r.after === 'string' ? JSON.parse(r.after) : r.after))).toEqual([
      { clientAddress: from, accountFailures: 1, addressFailures: 1, waitSeconds: 0 },
      { clientAddress: from, accountFailures: 2, addressFailures: 2, waitSeconds: 0 },
      { clientAddress: from, accountFailures: 3, addressFailures: 3, waitSeconds: 2 },
    ]);
    expect(userTrail.every((r: { actor: number | null }) => r.actor === null)).toBe(true);

    const strangerTrail = await sut.db.query(
      "SELECT after_state AS after FROM action_history WHERE entity_type = 'login' AND entity_id = ? AND action = 'login_failed'",
      [createHash('sha256').update(stranger).digest('hex')],
    );
    expect(strangerTrail).toHaveLength(1);
    const after = typeof strangerTrail[0].after === 'string' ? JSON.parse(strangerTrail[0].after) : strangerTrail[0].after;
    expect(after).toEqual({ email: stranger, clientAddress: from, accountFailures: 1, addressFailures: 4, waitSeconds: 4 });
  });

  it('refuses a deactivated user and ends their sessions', async () => {
    const admin = await tokenOf(await staffUser([...ALL_PERMISSIONS]));
    const user = await staffUser();
    const token = await tokenOf(user);
    await sut.http().get('/api/auth/me').auth(token, { type: 'bearer' }).expect(200);
    await sut.http().put(`/api/users/${user.id}`).auth(admin, { type: 'bearer' }).send({ active: false }).expect(200);
    await sut.http().get('/api/auth/me').auth(token, { type: 'bearer' }).expect(401);
    await login(freshAddress(), user.email, user.password).expect(401);
  });
});
