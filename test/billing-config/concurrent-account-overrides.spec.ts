import { createTestApp, TestApp } from '../support/test-app';
import { Client, insertAccountOfType, insertAccountType } from './billing-config-fixture';

describe('overrides sent to one account at the same time', () => {
  let sut: TestApp;
  let token: string;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
  });
  afterAll(() => sut.close());

  it('all apply, one after another, each with its own audit entry', async () => {
    const accountId = await insertAccountOfType(sut.db, await insertAccountType(sut.db));
    const changes = [
      { billDay: 5 },
      { dueDays: 10 },
      { graceDays: 3 },
      { taxExempt: true },
      { billMode: 'statement' },
      { delinquencyWeekdays: [2, 4] },
    ];
    const responses = await Promise.all(
      changes.map((change) => new Client(sut, token).put(`/api/accounts/${accountId}/billing-config`, change)),
    );
    expect(responses.map((r) => r.status)).toEqual(changes.map(() => 200));

    const { body } = await new Client(sut, token).get(`/api/accounts/${accountId}/billing-config`).expect(200);
    expect(body.overrides).toMatchObject(Object.assign({}, ...changes));
    const [{ n }] = await sut.db.query(
      "SELECT COUNT(*) AS n FROM action_history WHERE entity_type = 'account_billing_config' AND entity_id = ?",
      [String(accountId)],
    );
    expect(Number(n)).toBe(changes.length);
    const rows = await sut.db.query("SELECT id FROM billing_settings WHERE scope = 'account' AND scope_id = ?", [accountId]);
    expect(rows).toHaveLength(1);
  });
});
