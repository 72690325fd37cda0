import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../support/test-app';
import { insertAccount } from './account-fixture';

describe('twenty contacts asking to become primary at once', () => {
  let sut: TestApp;
  let token: string;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
  });
  afterAll(() => sut.close());

  it('leaves exactly one primary, the contact whose request was served last', async () => {
    const accountId = await insertAccount(sut.db);
    const contactIds: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await sut
        .http()
        .post('/api/contacts')
        .auth(token, { type: 'bearer' })
        .send({ accountId, name: `Contact ${i}` })
        .expect(201);
      contactIds.push(res.body.id);
    }

    const batch = randomUUID().slice(0, 8);
    const responses = await Promise.all(
      contactIds.map((id) =>
        sut.http().post(`/api/contacts/${id}/become-primary`).auth(token, { type: 'bearer' }).set('X-Request-Id', `primary-${batch}-${id}`),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(contactIds.map(() => 200));

    const primaries: { id: number }[] = await sut.db.query('SELECT id FROM contacts WHERE account_id = ? AND is_primary = 1', [accountId]);
    expect(primaries).toHaveLength(1);
    const primaryId = Number(primaries[0].id);
    expect(contactIds).toContain(primaryId);

    // The account lock serializes the calls, so the last audit entry belongs to the winner.
    const entries: { entity_id: string }[] = await sut.db.query(
      "SELECT entity_id FROM action_history WHERE request_id LIKE ? AND action = 'become_primary' ORDER BY id",
      [`primary-${batch}-%`],
    );
    expect(entries).toHaveLength(20);
    expect(Number(entries[entries.length - 1].entity_id)).toBe(primaryId);
  });
});
