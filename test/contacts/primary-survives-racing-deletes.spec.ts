import { createTestApp, TestApp } from '../support/test-app';
import { insertAccount } from './account-fixture';

describe('become-primary racing deletes of the same contacts', () => {
  let sut: TestApp;
  let token: string;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
  });
  afterAll(() => sut.close());

  it('never leaves the remaining contacts without exactly one primary', async () => {
    const accountId = await insertAccount(sut.db);
    const auth = { type: 'bearer' } as const;
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) {
      ids.push(
        (
          await sut
            .http()
            .post('/api/contacts')
            .auth(token, auth)
            .send({ accountId, name: `Contact ${i}` })
            .expect(201)
        ).body.id,
      );
    }

    // A delete that judged "is this the primary?" from a stale read would remove the
    // contact another request had just made primary, leaving nobody in charge.
    const responses = await Promise.all(
      ids.flatMap((id) => [
        sut.http().post(`/api/contacts/${id}/become-primary`).auth(token, auth),
        sut.http().delete(`/api/contacts/${id}`).auth(token, auth),
      ]),
    );
    expect(responses.filter((r) => ![200, 404, 409].includes(r.status)).map((r) => `${r.status} ${r.text}`)).toEqual([]);

    const remaining: { id: number; is_primary: number }[] = await sut.db.query('SELECT id, is_primary FROM contacts WHERE account_id = ?', [
      accountId,
    ]);
    // The last contact may legitimately go too, if its own delete came after all the others.
    expect(remaining.filter((c) => Number(c.is_primary) === 1)).toHaveLength(remaining.length > 0 ? 1 : 0);
  });
});
