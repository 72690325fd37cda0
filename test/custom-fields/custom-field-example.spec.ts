import { randomUUID } from 'node:crypto';
import { insertAccount } from '../contacts/account-fixture';
import { createTestApp, TestApp } from '../support/test-app';

/** A patterned field's example value: checked against the pattern on save, and what a clerk is told when a value is off. */
describe('custom field example value', () => {
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

  it('keeps an example that matches the pattern and records it in the audit trail', async () => {
    const res = await create({ name: name('Circuit'), type: 'text', pattern: '^CIR-[0-9]{6}$', example: 'CIR-004211' }).expect(201);
    expect(res.body).toMatchObject({ pattern: '^CIR-[0-9]{6}$', example: 'CIR-004211' });
    expect((await sut.http().get(`/api/custom-fields/${res.body.id}`).auth(token, auth).expect(200)).body.example).toBe('CIR-004211');
    const changed = await update(res.body.id, { example: 'CIR-123456' }).expect(200);
    expect(changed.body.example).toBe('CIR-123456');
    const [entry] = await sut.db.query(
      "SELECT after_state FROM action_history WHERE entity_type = 'custom_field' AND entity_id = ? AND action = 'update'",
      [String(res.body.id)],
    );
    const after = typeof entry.after_state === 'string' ? JSON.parse(entry.after_state) : entry.after_state;
    expect(after.example).toBe('CIR-123456');
  });

  it('refuses an example the pattern does not accept, naming the field', async () => {
    const res = await create({ name: name('Circuit'), type: 'text', pattern: '^CIR-[0-9]{6}$', example: 'CIR-42' }).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'example', rule: 'pattern' })]);

    const field = (await create({ name: name('Circuit'), type: 'text', pattern: '^CIR-[0-9]{6}$' }).expect(201)).body;
    const bad = await update(field.id, { example: 'cir-004211' }).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'example', rule: 'pattern' })]);
    // A new pattern the kept example no longer fits is refused too.
    await update(field.id, { example: 'CIR-004211' }).expect(200);
    const moved = await update(field.id, { pattern: '^FIBER-\\d{4}$' }).expect(400);
    expect(moved.body.details).toEqual([expect.objectContaining({ field: 'example', rule: 'pattern' })]);
  });

  it('refuses an example without a pattern, and drops it with the pattern', async () => {
    const res = await create({ name: name('Notes'), type: 'text', example: 'anything' }).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'example', rule: 'notAllowed' })]);
    const field = (await create({ name: name('Circuit'), type: 'text', pattern: 'CIR-\\d{6}', example: 'CIR-000001' }).expect(201)).body;
    const cleared = await update(field.id, { pattern: null }).expect(200);
    expect(cleared.body).toMatchObject({ pattern: null, example: null });
  });

  it('tells the clerk the example, never the pattern, when a value is off', async () => {
    const withExample = (
      await create({ name: name('Circuit'), type: 'text', pattern: '^CIR-[0-9]{6}$', example: 'CIR-004211' }).expect(201)
    ).body;
    const without = (await create({ name: name('Port'), type: 'text', pattern: '^P[0-9]+$' }).expect(201)).body;
    const account = await insertAccount(sut.db, name('Example'));
    const put = (fieldId: number) =>
      sut
        .http()
        .put(`/api/accounts/${account}`)
        .auth(token, auth)
        .send({ customFields: { [fieldId]: 'nope' } });
    const a = await put(withExample.id);
    const b = await put(without.id);
    expect(a.status).toBe(400);
    expect(b.status).toBe(400);
    expect(a.body.details[0].message).toContain('e.g. CIR-004211');
    expect(JSON.stringify(a.body)).not.toContain('[0-9]');
    expect(JSON.stringify(b.body)).not.toContain('[0-9]');
  });
});
