import { createTestApp, TestApp } from '../support/test-app';

const REQUEST_ID = 'bad-input-spec';

/** What a bad request could have written. Other suites run in parallel, so count only ours. */
async function written(sut: TestApp) {
  const [row] = await sut.db.query(
    `SELECT (SELECT COUNT(*) FROM staff_users WHERE email LIKE 'bad-input-%') AS users,
            (SELECT COUNT(*) FROM roles WHERE name LIKE 'Bad input%') AS roles,
            (SELECT COUNT(*) FROM action_history WHERE request_id = ?) AS actions`,
    [REQUEST_ID],
  );
  return { users: Number(row.users), roles: Number(row.roles), actions: Number(row.actions) };
}

const NOTHING = { users: 0, roles: 0, actions: 0 };

describe('bad input', () => {
  let sut: TestApp;
  let token: string;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
  });
  afterAll(() => sut.close());

  const post = (path: string) => sut.http().post(path).auth(token, { type: 'bearer' }).set('X-Request-Id', REQUEST_ID);

  it('answers 400 naming each field and rule, and writes nothing', async () => {
    const res = await post('/api/users')
      .send({ email: 'bad-input-not-an-email', name: '', password: 'short', roleIds: [0] })
      .expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: 'email must be an email (and 3 more problems in details).',
    });
    const rules = res.body.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['email:isEmail', 'name:minLength', 'password:minLength', 'roleIds:isPositive']));
    expect(await written(sut)).toEqual(NOTHING);
  });

  it('rejects unknown fields by name', async () => {
    const res = await post('/api/roles').send({ name: 'Bad input sneaky', permissions: [], isSuperuser: true }).expect(400);
    expect(res.body.details).toEqual([{ field: 'isSuperuser', rule: 'unknownField', message: 'isSuperuser is not an accepted field' }]);
    expect(await written(sut)).toEqual(NOTHING);
  });

  it('rejects permissions that do not exist', async () => {
    const res = await post('/api/roles')
      .send({ name: 'Bad input wishful', permissions: ['money.print'] })
      .expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'permissions', rule: 'isEnum' });
  });

  it('rejects a role id that does not exist, writing no user', async () => {
    const res = await post('/api/users')
      .send({ email: 'bad-input-ghost-role@test.backhaul.local', name: 'G', password: 'long-enough-password', roleIds: [999999] })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'roleIds', rule: 'exists', message: 'roles 999999 do not exist' }]);
    expect(await written(sut)).toEqual(NOTHING);
  });

  it('answers 409 on a duplicate email with the field named', async () => {
    const existing = await sut.userWith([]);
    const res = await post('/api/users').send({ email: existing.email, name: 'Dup', password: 'long-enough-password' }).expect(409);
    expect(res.body.details).toEqual([{ field: 'email', rule: 'unique', message: 'email is already used by another user' }]);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const res = await post('/api/roles').set('Content-Type', 'text/plain').send('name=x').expect(415);
    expect(res.body.details[0]).toMatchObject({ field: 'Content-Type', rule: 'mediaType' });
    await post('/api/roles').type('form').send({ name: 'x' }).expect(415);
    expect(await written(sut)).toEqual(NOTHING);
  });

  it('answers 400 to malformed JSON instead of failing', async () => {
    const res = await post('/api/roles').set('Content-Type', 'application/json').send('{"name": ').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, details: [{ field: 'body', rule: 'json' }] });
  });

  it('answers 400 to list parameters it cannot honour', async () => {
    const list = (query: string) => sut.http().get(`/api/users?${query}`).auth(token, { type: 'bearer' });
    expect((await list('sort=["password_hash","ASC"]').expect(400)).body.details[0]).toMatchObject({ field: 'sort', rule: 'sortable' });
    expect((await list('range=[0,5000]').expect(400)).body.details[0]).toMatchObject({ field: 'range', rule: 'range' });
    expect((await list('filter={"active":"yes"}').expect(400)).body.details[0]).toMatchObject({
      field: 'filter.active',
      rule: 'isBoolean',
    });
    expect((await list('filter={"isAdmin":true}').expect(400)).body.details[0]).toMatchObject({
      field: 'filter.isAdmin',
      rule: 'unknownField',
    });
    expect((await list('filter=nope').expect(400)).body.details[0]).toMatchObject({ field: 'filter', rule: 'json' });
    expect((await list('page=2').expect(400)).body.details[0]).toMatchObject({ field: 'page', rule: 'unknownField' });
  });

  it('leaves nothing written by any of the rejected requests above', async () => {
    expect(await written(sut)).toEqual(NOTHING);
  });

  it('answers 404 for a missing row and an unknown route, 400 for a malformed id', async () => {
    const res = await sut.http().get('/api/users/987654').auth(token, { type: 'bearer' }).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, message: 'User 987654 does not exist' });
    await sut.http().get('/api/nothing-here').auth(token, { type: 'bearer' }).expect(404);
    const bad = await sut.http().get('/api/users/abc').auth(token, { type: 'bearer' }).expect(400);
    expect(bad.body.statusCode).toBe(400);
  });

  it('answers lists in the simple-REST dialect', async () => {
    const res = await sut.http().get('/api/users?sort=["id","DESC"]&range=[0,1]').auth(token, { type: 'bearer' }).expect(200);
    expect(res.body).toHaveLength(2);
    expect(res.body[0].id).toBeGreaterThan(res.body[1].id);
    expect(res.headers['content-range']).toMatch(/^users 0-1\/\d+$/);
  });
});
