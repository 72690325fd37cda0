import { randomUUID } from 'node:crypto';
import { AccountLockService } from '../../src/accounts/account-lock.service';
import { Permission } from '../../src/auth/permission';
import { CustomFieldValuesService } from '../../src/custom-fields/custom-field-values.service';
import { auditEntries, insertAccount } from '../contacts/account-fixture';
import { createTestApp, TestApp } from '../support/test-app';

describe('custom field definitions', () => {
  let sut: TestApp;
  let token: string;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
  });
  afterAll(() => sut.close());

  const auth = { type: 'bearer' } as const;
  const name = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;
  const create = (body: object) => sut.http().post('/api/custom-fields').auth(token, auth).send(body);
  const update = (id: number, body: object) => sut.http().put(`/api/custom-fields/${id}`).auth(token, auth).send(body);
  const setValue = (accountId: number, fieldId: number, value: unknown) =>
    sut.db.transaction(async (em) => {
      await sut.app.get(AccountLockService).lock(em, accountId);
      await sut.app.get(CustomFieldValuesService).write(em, accountId, { [fieldId]: value }, { creating: false });
    });

  it('creates a field of each type with its defaults', async () => {
    const fieldName = name('Install date');
    const res = await create({ name: fieldName, type: 'date' }).expect(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name: fieldName,
      type: 'date',
      required: false,
      unique: false,
      pattern: null,
      example: null,
      options: null,
      position: 0,
      active: true,
    });
    const select = await create({ name: name('Tier'), type: 'select', options: ['Bronze', 'Gold'] }).expect(201);
    expect(select.body.options).toEqual(['Bronze', 'Gold']);
    await create({ name: fieldName, type: 'text' }).expect(409);
  });

  it.each([
    ['options on a text field', { type: 'text', options: ['a'] }, 'options', 'notAllowed'],
    ['a select field without options', { type: 'select' }, 'options', 'arrayNotEmpty'],
    ['a select field with empty options', { type: 'select', options: [] }, 'options', 'arrayNotEmpty'],
    ['repeated options', { type: 'select', options: ['a', 'a'] }, 'options', 'arrayUnique'],
    ['a blank option', { type: 'select', options: ['a', ' '] }, 'options', 'isNotEmpty'],
    ['a pattern on an integer field', { type: 'integer', pattern: '\\d+' }, 'pattern', 'notAllowed'],
    ['a pattern that does not compile', { type: 'text', pattern: 'FIBER-(\\d{4}' }, 'pattern', 'isRegExp'],
    ['an unknown type', { type: 'money' }, 'type', 'isIn'],
  ])('refuses %s', async (_case, body, field, rule) => {
    const fieldName = name('Bad');
    const res = await create({ name: fieldName, ...body }).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field, rule })]);
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM custom_fields WHERE name = ?', [fieldName]);
    expect(Number(n)).toBe(0);
  });

  it('refuses to change the type while accounts hold values, and allows it once they are cleared', async () => {
    const field = (await create({ name: name('Port count'), type: 'integer' }).expect(201)).body;
    const accountId = await insertAccount(sut.db);
    await setValue(accountId, field.id, 4);

    const refused = await update(field.id, { type: 'text' }).expect(409);
    expect(refused.body.message).toMatch(/type cannot change/);
    await expect(sut.app.get(CustomFieldValuesService).read(accountId)).resolves.toEqual({ [field.id]: 4 });

    await setValue(accountId, field.id, null);
    const changed = await update(field.id, { type: 'text', pattern: '\\d+' }).expect(200);
    expect(changed.body).toMatchObject({ type: 'text', pattern: '\\d+' });
  });

  it('drops settings the new type cannot have when switching type', async () => {
    const field = (await create({ name: name('Plan'), type: 'select', options: ['A'] }).expect(201)).body;
    const changed = await update(field.id, { type: 'text' }).expect(200);
    expect(changed.body.options).toBeNull();
  });

  it('refuses to turn on unique while values repeat, and enforces it once they do not', async () => {
    const field = (await create({ name: name('Serial'), type: 'text' }).expect(201)).body;
    const [a, b] = [await insertAccount(sut.db), await insertAccount(sut.db)];
    await setValue(a, field.id, 'SN-1');
    await setValue(b, field.id, 'SN-1');

    const refused = await update(field.id, { unique: true }).expect(409);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'unique', rule: 'noDuplicates' })]);

    await setValue(b, field.id, 'SN-2');
    await update(field.id, { unique: true }).expect(200);
    await expect(setValue(b, field.id, 'SN-1')).rejects.toMatchObject({ status: 409 });
  });

  it('refuses to remove a select option that accounts still use', async () => {
    const field = (await create({ name: name('Tier'), type: 'select', options: ['Bronze', 'Gold'] }).expect(201)).body;
    await setValue(await insertAccount(sut.db), field.id, 'Gold');
    const refused = await update(field.id, { options: ['Bronze'] }).expect(409);
    expect(refused.body.message).toMatch(/"Gold"/);
    await update(field.id, { options: ['Bronze', 'Gold', 'Platinum'] }).expect(200);
  });

  it('audits each change once, and needs accounts.configure to change', async () => {
    const requestIds = [`field-create-${randomUUID()}`, `field-update-${randomUUID()}`, `field-delete-${randomUUID()}`];
    const field = (
      await sut
        .http()
        .post('/api/custom-fields')
        .auth(token, auth)
        .set('X-Request-Id', requestIds[0])
        .send({ name: name('Notes'), type: 'text' })
        .expect(201)
    ).body;
    await sut
      .http()
      .put(`/api/custom-fields/${field.id}`)
      .auth(token, auth)
      .set('X-Request-Id', requestIds[1])
      .send({ position: 9 })
      .expect(200);

    const reader = await sut.userWith([Permission.AccountsRead]);
    await sut.http().get(`/api/custom-fields/${field.id}`).auth(reader.token, auth).expect(200);
    await sut.http().put(`/api/custom-fields/${field.id}`).auth(reader.token, auth).send({ position: 1 }).expect(403);

    await sut.http().delete(`/api/custom-fields/${field.id}`).auth(token, auth).set('X-Request-Id', requestIds[2]).expect(200);
    const entries = await Promise.all(requestIds.map((id) => auditEntries(sut.db, id)));
    expect(entries.map((e) => e.map((x) => [x.action, x.entityType, x.entityId]))).toEqual([
      [['create', 'custom_field', String(field.id)]],
      [['update', 'custom_field', String(field.id)]],
      [['delete', 'custom_field', String(field.id)]],
    ]);
    expect(entries[1][0]).toMatchObject({ before: { position: 0 }, after: { position: 9 } });
  });
});
