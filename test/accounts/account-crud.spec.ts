import { createTestApp, TestApp } from '../support/test-app';
import { accountBody, auditCount, createAccount, createLookups, Lookups, unique } from './accounts-fixture';

describe('accounts: create, read and update', () => {
  let sut: TestApp;
  let token: string;
  let lookups: Lookups;
  beforeAll(async () => {
    sut = await createTestApp();
    token = (await sut.admin()).token;
    lookups = await createLookups(sut, token);
  });
  afterAll(() => sut.close());

  it('creates an account and answers the contract record, coordinates as exact strings', async () => {
    const created = await createAccount(sut, token, lookups, {
      groupIds: [lookups.groupId],
      serviceAddress: {
        line1: '1 Pole Rd',
        city: 'Dayton',
        region: 'OH',
        postcode: '45402',
        country: 'US',
        latitude: '-0.000001',
        longitude: '179.999999',
      },
    });
    const res = await sut.http().get(`/api/accounts/${created.id}`).auth(token, { type: 'bearer' }).expect(200);
    expect(res.body).toEqual({
      id: created.id,
      name: created.name,
      accountTypeId: lookups.typeId,
      accountStatusId: lookups.pendingStatusId,
      groupIds: [lookups.groupId],
      parentAccountId: null,
      activatedAt: null,
      serviceAddress: {
        line1: '1 Pole Rd',
        line2: null,
        city: 'Dayton',
        region: 'OH',
        postcode: '45402',
        country: 'US',
        latitude: '-0.000001',
        longitude: '179.999999',
      },
      mailingAddress: null,
      customFields: {},
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('sets activatedAt when the account first enters an active status, and keeps it afterwards', async () => {
    const created = await createAccount(sut, token, lookups);
    expect(created.activatedAt).toBeNull();
    const active = await sut
      .http()
      .put(`/api/accounts/${created.id}`)
      .auth(token, { type: 'bearer' })
      .send({ accountStatusId: lookups.activeStatusId })
      .expect(200);
    expect(active.body.activatedAt).toEqual(expect.any(String));
    await sut
      .http()
      .put(`/api/accounts/${created.id}`)
      .auth(token, { type: 'bearer' })
      .send({ accountStatusId: lookups.pendingStatusId })
      .expect(200);
    const again = await sut
      .http()
      .put(`/api/accounts/${created.id}`)
      .auth(token, { type: 'bearer' })
      .send({ accountStatusId: lookups.activeStatusId })
      .expect(200);
    expect(again.body.activatedAt).toBe(active.body.activatedAt);
  });

  it('updates the fields it is given and leaves the rest', async () => {
    const created = await createAccount(sut, token, lookups);
    const mailingAddress = { line1: 'PO Box 7', line2: null, city: 'Springfield', region: 'IL', postcode: '62705', country: 'US' };
    const res = await sut
      .http()
      .put(`/api/accounts/${created.id}`)
      .auth(token, { type: 'bearer' })
      .send({ name: 'Renamed Household', mailingAddress, groupIds: [lookups.groupId] })
      .expect(200);
    expect(res.body).toMatchObject({
      name: 'Renamed Household',
      mailingAddress,
      groupIds: [lookups.groupId],
      serviceAddress: { line1: '12 Oak St' },
    });
    const cleared = await sut
      .http()
      .put(`/api/accounts/${created.id}`)
      .auth(token, { type: 'bearer' })
      .send({ mailingAddress: null, groupIds: [] })
      .expect(200);
    expect(cleared.body).toMatchObject({ mailingAddress: null, groupIds: [] });
  });

  it('answers 400 with field details and writes nothing for bad addresses and unknown references', async () => {
    const requestId = `bad-${unique()}`;
    const bad = accountBody(lookups, {
      serviceAddress: {
        line1: '12 Oak St',
        city: 'Springfield',
        region: 'IL',
        postcode: '62701',
        country: 'us',
        latitude: '91',
        longitude: '-89.1234567',
      },
    });
    const res = await sut.http().post('/api/accounts').auth(token, { type: 'bearer' }).set('X-Request-Id', requestId).send(bad).expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['serviceAddress.country', 'serviceAddress.latitude', 'serviceAddress.longitude']));

    const unknownBody = accountBody(lookups, { accountTypeId: 999999, groupIds: [999998] });
    const unknown = await sut
      .http()
      .post('/api/accounts')
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .send(unknownBody)
      .expect(400);
    expect(unknown.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'accountTypeId', rule: 'exists' }),
        expect.objectContaining({ field: 'groupIds', rule: 'exists' }),
      ]),
    );
    const floatBody = accountBody(lookups, { serviceAddress: { ...accountBody(lookups).serviceAddress, latitude: 39.78 } });
    const floatCoordinate = await sut
      .http()
      .post('/api/accounts')
      .auth(token, { type: 'bearer' })
      .set('X-Request-Id', requestId)
      .send(floatBody)
      .expect(400);
    expect(floatCoordinate.body.details).toEqual([expect.objectContaining({ field: 'serviceAddress.latitude' })]);
    const names = [bad.name, unknownBody.name, floatBody.name];
    expect(await sut.db.query('SELECT id FROM accounts WHERE name IN (?)', [names])).toEqual([]);
    expect(await auditCount(sut.db, requestId)).toEqual({ n: 0, accountIds: [] });
  });

  it('answers 404 for an account that does not exist', async () => {
    await sut.http().get('/api/accounts/987654321').auth(token, { type: 'bearer' }).expect(404);
    await sut.http().put('/api/accounts/987654321').auth(token, { type: 'bearer' }).send({ name: 'Nobody' }).expect(404);
  });
});
