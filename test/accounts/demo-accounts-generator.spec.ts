import { generateDemoAccounts } from '../../src/demo/accounts-demo';
import { createIsolatedTestApp } from '../support/isolated-database';
import { TestApp } from '../support/test-app';

describe('demo accounts generator', () => {
  let sut: TestApp;
  let token: string;
  beforeAll(async () => {
    // The generator numbers rows itself, for a database nobody else is writing to: other
    // test files add accounts and contacts to the shared one at the same time.
    sut = await createIsolatedTestApp();
    token = (await sut.admin()).token;
  });
  afterAll(() => sut.close());

  it('creates complete, searchable accounts: one primary contact each, phones, values and a search document', async () => {
    const { firstAccountId, lastAccountId } = await generateDemoAccounts(sut.db, 60, 3);
    expect(lastAccountId - firstAccountId + 1).toBe(60);
    const range = [firstAccountId, lastAccountId];
    const [counts] = await sut.db.query(
      `SELECT COUNT(*) AS accounts,
              SUM((SELECT COUNT(*) FROM contacts c WHERE c.account_id = a.id AND c.is_primary = 1) = 1) AS withOnePrimary,
              SUM(EXISTS (SELECT 1 FROM account_search s WHERE s.account_id = a.id)) AS indexed,
              SUM(EXISTS (SELECT 1 FROM contacts c JOIN contact_phones p ON p.contact_id = c.id WHERE c.account_id = a.id)) AS withPhones,
              SUM(a.service_latitude IS NOT NULL) AS located
         FROM accounts a WHERE a.id BETWEEN ? AND ?`,
      range,
    );
    expect(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]))).toEqual({
      accounts: 60,
      withOnePrimary: 60,
      indexed: 60,
      withPhones: 60,
      located: 60,
    });
    const [{ children }] = await sut.db.query('SELECT COUNT(*) AS children FROM accounts WHERE parent_account_id BETWEEN ? AND ?', range);
    expect(Number(children)).toBeGreaterThan(0);

    const [sample] = await sut.db.query(
      'SELECT a.id, c.email FROM accounts a JOIN contacts c ON c.account_id = a.id AND c.is_primary = 1 WHERE a.id = ?',
      [firstAccountId + 7],
    );
    const hits = await sut
      .http()
      .get(`/api/search?q=${encodeURIComponent(sample.email)}`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(hits.body[0]).toMatchObject({ accountId: firstAccountId + 7, matched: 'email' });
    await sut
      .http()
      .get(`/api/accounts/${firstAccountId + 7}/header`)
      .auth(token, { type: 'bearer' })
      .expect(200);
  });
});
