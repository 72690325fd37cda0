import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { accountBody, createAccount, createLookups, Lookups, unique } from './accounts-fixture';

describe('account permissions', () => {
  let sut: TestApp;
  let lookups: Lookups;
  let accountId: number;
  let reader: string;
  let manager: string;
  beforeAll(async () => {
    sut = await createTestApp();
    const admin = (await sut.admin()).token;
    lookups = await createLookups(sut, admin);
    accountId = (await createAccount(sut, admin, lookups)).id;
    reader = (await sut.userWith([Permission.AccountsRead])).token;
    manager = (await sut.userWith([Permission.AccountsRead, Permission.AccountsManage])).token;
  });
  afterAll(() => sut.close());

  it('lets a reader read but not change accounts', async () => {
    await sut.http().get(`/api/accounts/${accountId}`).auth(reader, { type: 'bearer' }).expect(200);
    await sut.http().get('/api/search?q=jane').auth(reader, { type: 'bearer' }).expect(200);
    await sut.http().post('/api/accounts').auth(reader, { type: 'bearer' }).send(accountBody(lookups)).expect(403);
    await sut.http().put(`/api/accounts/${accountId}`).auth(reader, { type: 'bearer' }).send({ name: 'Nope' }).expect(403);
  });

  it('lets only accounts.configure change the configurable lists', async () => {
    await sut.http().get('/api/account-statuses').auth(manager, { type: 'bearer' }).expect(200);
    await sut
      .http()
      .post('/api/account-statuses')
      .auth(manager, { type: 'bearer' })
      .send({ name: `S ${unique()}` })
      .expect(403);
    await sut.http().put(`/api/account-types/${lookups.typeId}`).auth(manager, { type: 'bearer' }).send({ description: 'x' }).expect(403);
    await sut.http().delete(`/api/account-groups/${lookups.groupId}`).auth(manager, { type: 'bearer' }).expect(403);
  });

  it('refuses everything to a user without accounts.read', async () => {
    const stranger = (await sut.userWith([Permission.UsersRead])).token;
    for (const path of [
      `/api/accounts/${accountId}`,
      `/api/accounts/${accountId}/header`,
      '/api/accounts',
      '/api/search?q=x',
      '/api/account-types',
    ]) {
      await sut.http().get(path).auth(stranger, { type: 'bearer' }).expect(403);
    }
  });
});
