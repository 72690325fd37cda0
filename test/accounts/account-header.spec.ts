import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { createAccount, createLookups, Lookups, unique } from './accounts-fixture';

describe('account page header', () => {
  let sut: TestApp;
  let token: string;
  let viewer: { id: number; email: string; token: string };
  let lookups: Lookups;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
    lookups = await createLookups(sut, token);
    viewer = await sut.userWith([Permission.AccountsRead]);
  });
  afterAll(() => sut.close());

  it('shows status, type, groups, location, primary contact, parent and children in one call', async () => {
    const parent = await createAccount(sut, token, lookups, {
      name: `Rivera Farm ${unique()}`,
      groupIds: [lookups.groupId],
      accountStatusId: lookups.activeStatusId,
    });
    const garage = await createAccount(sut, token, lookups, { name: 'Rivera Garage', parentAccountId: parent.id });
    const barn = await createAccount(sut, token, lookups, { name: 'Rivera Barn', parentAccountId: parent.id });
    const contact = await sut
      .http()
      .post('/api/contacts')
      .auth(token, { type: 'bearer' })
      .send({
        accountId: parent.id,
        name: 'Jane Rivera',
        email: 'jane@example.com',
        phones: [{ type: 'mobile', number: '(217) 555-0100' }],
      })
      .expect(201);
    const [status] = await sut.db.query('SELECT name FROM account_statuses WHERE id = ?', [lookups.activeStatusId]);
    const [type] = await sut.db.query('SELECT name FROM account_types WHERE id = ?', [lookups.typeId]);
    const [group] = await sut.db.query('SELECT name FROM account_groups WHERE id = ?', [lookups.groupId]);

    const res = await sut.http().get(`/api/accounts/${parent.id}/header`).auth(viewer.token, { type: 'bearer' }).expect(200);
    expect(res.body).toEqual({
      id: parent.id,
      name: parent.name,
      status: { id: lookups.activeStatusId, name: status.name, color: '#2e7d32', countsAsActive: true, isDelinquency: false },
      type: { id: lookups.typeId, name: type.name },
      groups: [{ id: lookups.groupId, name: group.name }],
      location: { formatted: '12 Oak St, Springfield, IL 62701, US', latitude: '39.781721', longitude: '-89.650148' },
      primaryContact: { id: contact.body.id, name: 'Jane Rivera', email: 'jane@example.com', mobile: '+12175550100' },
      parent: null,
      children: {
        count: 2,
        items: [
          { id: garage.id, name: 'Rivera Garage' },
          { id: barn.id, name: 'Rivera Barn' },
        ],
      },
      // From the billing figures, which test/billing/next-billing-date.spec.ts pins down.
      nextBillingDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });

    const child = await sut.http().get(`/api/accounts/${garage.id}/header`).auth(viewer.token, { type: 'bearer' }).expect(200);
    expect(child.body).toMatchObject({
      parent: { id: parent.id, name: parent.name },
      children: { count: 0, items: [] },
      primaryContact: null,
      groups: [],
    });
  });

  it('records exactly one view-history entry for each opening, by the viewer', async () => {
    const account = await createAccount(sut, token, lookups);
    const views = () =>
      sut.db.query("SELECT user_id AS userId, user_email AS email FROM view_history WHERE entity_type = 'account' AND entity_id = ?", [
        String(account.id),
      ]);
    expect(await views()).toEqual([]);
    await sut.http().get(`/api/accounts/${account.id}/header`).auth(viewer.token, { type: 'bearer' }).expect(200);
    expect(await views()).toEqual([{ userId: viewer.id, email: viewer.email }]);
    await sut.http().get(`/api/accounts/${account.id}/header`).auth(viewer.token, { type: 'bearer' }).expect(200);
    expect(await views()).toHaveLength(2);
  });

  it('answers 404 and records no view for a missing account', async () => {
    await sut.http().get('/api/accounts/987654321/header').auth(viewer.token, { type: 'bearer' }).expect(404);
    expect(await sut.db.query("SELECT id FROM view_history WHERE entity_type = 'account' AND entity_id = '987654321'")).toEqual([]);
  });
});
