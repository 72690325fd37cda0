import { randomUUID } from 'node:crypto';
import { AccountLockService } from '../../src/accounts/account-lock.service';
import { CustomFieldValuesService } from '../../src/custom-fields/custom-field-values.service';
import { insertAccount } from '../contacts/account-fixture';
import { createTestApp, TestApp } from '../support/test-app';

describe('custom-field values of every type', () => {
  let app: TestApp;
  let sut: CustomFieldValuesService;
  let token: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    app = await createTestApp();
    sut = app.app.get(CustomFieldValuesService);
    token = (await app.admin()).token;
    const suffix = randomUUID().slice(0, 8);
    const definitions = {
      text: { type: 'text', position: 1 },
      circuit: { type: 'text', pattern: 'FIBER-\\d{4}', position: 2 },
      integer: { type: 'integer', position: 3 },
      decimal: { type: 'decimal', position: 4 },
      date: { type: 'date', position: 5 },
      boolean: { type: 'boolean', position: 6 },
      select: { type: 'select', options: ['Bronze', 'Gold'], position: 7 },
      retired: { type: 'text', active: false, position: 8 },
    };
    for (const [key, definition] of Object.entries(definitions)) {
      const res = await app
        .http()
        .post('/api/custom-fields')
        .auth(token, { type: 'bearer' })
        .send({ name: `${key} ${suffix}`, ...definition })
        .expect(201);
      ids[key] = res.body.id;
    }
  });
  afterAll(() => app.close());

  const write = (accountId: number, values: Record<string, unknown>) =>
    app.db.transaction(async (em) => {
      await app.app.get(AccountLockService).lock(em, accountId);
      await sut.write(em, accountId, values, { creating: false });
    });

  it.each([
    ['text', 'anything at all', 'anything at all'],
    ['circuit', 'FIBER-0042', 'FIBER-0042'],
    ['integer', 42, 42],
    ['integer', '-17', -17],
    ['integer', '9007199254740991', 9007199254740991],
    ['decimal', '12.50', '12.50'],
    ['decimal', 3.25, '3.25'],
    ['decimal', '007.10', '7.10'],
    ['decimal', '-0.00', '0.00'],
    ['decimal', '123456789012345678901234567890.123456789', '123456789012345678901234567890.123456789'],
    ['date', '2024-02-29', '2024-02-29'],
    ['boolean', true, true],
    ['boolean', false, false],
    ['select', 'Gold', 'Gold'],
  ])('stores a good %s value %p and reads it back as %p', async (key, input, expected) => {
    const accountId = await insertAccount(app.db);
    await write(accountId, { [ids[key]]: input });
    await expect(sut.read(accountId)).resolves.toEqual({ [ids[key]]: expected });
  });

  it.each([
    ['text', 5, 'isString'],
    ['text', 'x'.repeat(1001), 'maxLength'],
    ['circuit', 'FIBER-42', 'pattern'],
    ['circuit', 'xxFIBER-0042yy', 'pattern'],
    ['integer', 1.5, 'isInt'],
    ['integer', '12abc', 'isInt'],
    ['integer', '9007199254740993', 'isInt'],
    ['integer', true, 'isInt'],
    ['decimal', '1e5', 'isDecimal'],
    ['decimal', '1.2.3', 'isDecimal'],
    ['decimal', 1e21, 'isDecimal'],
    ['decimal', 'twelve', 'isDecimal'],
    ['date', '2023-02-29', 'isDate'],
    ['date', '2024-13-01', 'isDate'],
    ['date', '29/02/2024', 'isDate'],
    ['boolean', 'yes', 'isBoolean'],
    ['boolean', 1, 'isBoolean'],
    ['select', 'Platinum', 'isIn'],
    ['select', 'gold', 'isIn'],
  ])('refuses a bad %s value %p with rule %s and writes nothing', async (key, input, rule) => {
    const accountId = await insertAccount(app.db);
    await expect(write(accountId, { [ids[key]]: input })).rejects.toMatchObject({
      status: 400,
      details: [expect.objectContaining({ field: `customFields.${ids[key]}`, rule })],
    });
    await expect(sut.read(accountId)).resolves.toEqual({});
  });

  it('refuses unknown and inactive fields', async () => {
    const accountId = await insertAccount(app.db);
    await expect(write(accountId, { 999999999: 'x', [ids.retired]: 'y', [ids.text]: 'fine' })).rejects.toMatchObject({
      status: 400,
      details: expect.arrayContaining([
        expect.objectContaining({ field: 'customFields.999999999', rule: 'exists' }),
        expect.objectContaining({ field: `customFields.${ids.retired}`, rule: 'active' }),
      ]),
    });
    await expect(sut.read(accountId)).resolves.toEqual({});
  });

  it('clears a value given null or an empty string, and describes every active field in position order', async () => {
    const accountId = await insertAccount(app.db);
    await write(accountId, { [ids.text]: 'hello', [ids.integer]: 7, [ids.boolean]: false });
    await write(accountId, { [ids.text]: '', [ids.integer]: null });
    await expect(sut.read(accountId)).resolves.toEqual({ [ids.boolean]: false });

    const mine = new Set(Object.values(ids));
    const described = (await sut.describe(accountId)).filter((f) => mine.has(f.fieldId));
    expect(described.map((f) => [f.fieldId, f.type, f.value])).toEqual([
      [ids.text, 'text', null],
      [ids.circuit, 'text', null],
      [ids.integer, 'integer', null],
      [ids.decimal, 'decimal', null],
      [ids.date, 'date', null],
      [ids.boolean, 'boolean', false],
      [ids.select, 'select', null],
    ]);
  });
});
