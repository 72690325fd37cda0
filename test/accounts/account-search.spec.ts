import { createTestApp, TestApp } from '../support/test-app';
import { createAccount, createLookups, Lookups, unique } from './accounts-fixture';

/** Letters only, so FULLTEXT treats it as one word no other test file uses. */
const word = () =>
  unique()
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])
    .replace(/-/g, '');

describe('global search', () => {
  let sut: TestApp;
  let token: string;
  let lookups: Lookups;
  let account: { id: number; name: string };
  let surname: string;
  let street: string;
  let contactName: string;
  let emailUser: string;
  const postcode = `Q${Math.floor(Math.random() * 1e8)}`;
  const phoneNational = `217555${String(1000 + Math.floor(Math.random() * 8999))}`;

  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
    lookups = await createLookups(sut, token);
    surname = word();
    street = word();
    contactName = word();
    emailUser = word();
    account = await createAccount(sut, token, lookups, {
      name: `Jane ${surname}`,
      accountStatusId: lookups.activeStatusId,
      serviceAddress: { line1: `12 ${street} St`, city: 'Springfield', region: 'IL', postcode, country: 'US' },
    });
    await sut
      .http()
      .post('/api/contacts')
      .auth(token, { type: 'bearer' })
      .send({
        accountId: account.id,
        name: `Mark ${contactName}`,
        email: `${emailUser}@example.com`,
        phones: [{ type: 'home', number: `(${phoneNational.slice(0, 3)}) ${phoneNational.slice(3, 6)}-${phoneNational.slice(6)}` }],
      })
      .expect(201);
  });
  afterAll(() => sut.close());

  const search = async (q: string) =>
    (
      await sut
        .http()
        .get(`/api/search?q=${encodeURIComponent(q)}`)
        .auth(token, { type: 'bearer' })
        .expect(200)
    ).body as {
      accountId: number;
      name: string;
      matched: string;
      status: { name: string; color: string };
    }[];

  it.each([
    ['the account name', () => `jane ${surname}`, 'name'],
    ['a name prefix', () => surname.slice(0, 5), 'name'],
    ['a contact name', () => contactName, 'contact'],
    ['an email address', () => `${emailUser}@example.com`, 'email'],
    ['part of an email', () => emailUser, 'email'],
    ['a phone number as typed', () => `+1 (${phoneNational.slice(0, 3)}) ${phoneNational.slice(3, 6)}.${phoneNational.slice(6)}`, 'phone'],
    [
      'a phone number without country code',
      () => `${phoneNational.slice(0, 3)}-${phoneNational.slice(3, 6)}-${phoneNational.slice(6)}`,
      'phone',
    ],
    ['the service street', () => street, 'address'],
    ['the service postcode', () => postcode, 'address'],
  ])('finds the account by %s', async (_label, query, matched) => {
    const hits = await search(query());
    expect(hits).toContainEqual({
      accountId: account.id,
      name: account.name,
      matched,
      matchedText: null,
      status: { name: expect.any(String), color: '#2e7d32' },
    });
  });

  it('ranks the exact id first', async () => {
    const hits = await search(String(account.id));
    expect(hits[0]).toMatchObject({ accountId: account.id, matched: 'id' });
  });

  it('treats boolean operators in the query as plain text', async () => {
    await expect(search(`-${surname} +"(*~<>`)).resolves.toEqual(
      expect.arrayContaining([expect.objectContaining({ accountId: account.id })]),
    );
    await expect(search('"*')).resolves.toEqual([]);
  });

  it('answers at most 20 hits', async () => {
    const shared = word();
    for (let i = 0; i < 22; i++) await createAccount(sut, token, lookups, { name: `${shared} ${i}` });
    await expect(search(shared)).resolves.toHaveLength(20);
  });

  it('finds nothing for a word no account has', async () => {
    await expect(search(word())).resolves.toEqual([]);
  });
});
