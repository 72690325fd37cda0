import { randomUUID } from 'node:crypto';
import { AccountLockService } from '../../src/accounts/account-lock.service';
import { CustomFieldValuesService } from '../../src/custom-fields/custom-field-values.service';
import { CustomField } from '../../src/custom-fields/custom-field.entity';
import { insertAccount } from '../contacts/account-fixture';
import { createTestApp, TestApp } from '../support/test-app';

class RollBack extends Error {}

describe('required and unique custom fields', () => {
  let app: TestApp;
  let sut: CustomFieldValuesService;
  let token: string;
  beforeAll(async () => {
    app = await createTestApp();
    sut = app.app.get(CustomFieldValuesService);
    token = (await app.admin()).token;
  });
  afterAll(() => app.close());

  const write = (accountId: number, values: Record<string, unknown>) =>
    app.db.transaction(async (em) => {
      await app.app.get(AccountLockService).lock(em, accountId);
      await sut.write(em, accountId, values, { creating: false });
    });

  it('keeps a unique value to one account, letting the holder rewrite it and others take it once freed', async () => {
    const field = await app
      .http()
      .post('/api/custom-fields')
      .auth(token, { type: 'bearer' })
      .send({ name: `Circuit ${randomUUID().slice(0, 8)}`, type: 'text', unique: true })
      .expect(201);
    const key = String(field.body.id);
    const [first, second] = [await insertAccount(app.db), await insertAccount(app.db)];

    await write(first, { [key]: 'CIRCUIT-1' });
    await write(first, { [key]: 'CIRCUIT-1' });
    await expect(write(second, { [key]: 'CIRCUIT-1' })).rejects.toMatchObject({
      status: 409,
      details: [expect.objectContaining({ field: `customFields.${key}`, rule: 'unique' })],
    });
    await expect(sut.read(second)).resolves.toEqual({});

    await write(first, { [key]: null });
    await write(second, { [key]: 'CIRCUIT-1' });
    await expect(sut.read(second)).resolves.toEqual({ [key]: 'CIRCUIT-1' });
  });

  it('wants required fields on create and refuses to clear them later', async () => {
    const accountId = await insertAccount(app.db);
    // Inside a transaction that is rolled back, so no other test ever sees a required field it did not ask for.
    const outcome = app.db.transaction(async (em) => {
      const field = await em.save(em.create(CustomField, { name: `Required ${randomUUID().slice(0, 8)}`, type: 'text', required: true }));
      await app.app.get(AccountLockService).lock(em, accountId);
      const key = `customFields.${field.id}`;
      await expect(sut.write(em, accountId, {}, { creating: true })).rejects.toMatchObject({
        status: 400,
        details: expect.arrayContaining([expect.objectContaining({ field: key, rule: 'required' })]),
      });
      await expect(sut.write(em, accountId, { [field.id]: '  ' }, { creating: true })).rejects.toMatchObject({
        details: expect.arrayContaining([expect.objectContaining({ field: key, rule: 'required' })]),
      });
      // An update that leaves the field out is fine; one that empties it is not.
      await expect(sut.write(em, accountId, {}, { creating: false })).resolves.toBeUndefined();
      await sut.write(em, accountId, { [field.id]: 'present' }, { creating: false });
      await expect(sut.write(em, accountId, { [field.id]: null }, { creating: false })).rejects.toMatchObject({
        details: [expect.objectContaining({ field: key, rule: 'required' })],
      });
      throw new RollBack();
    });
    await expect(outcome).rejects.toBeInstanceOf(RollBack);
  });
});
