import { insertAccount } from '../contacts/account-fixture';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

describe('inventory: models with their own fields, items with MAC addresses, holders and connected devices', () => {
  let sut: TestApp;
  let token: string;
  let modelId: number;
  let firmwareFieldId: number;
  let warehouseId: number;
  let model: { id: number; fields: { id: number }[] };
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  const items = async () => Number((await sut.db.query('SELECT COUNT(*) AS n FROM inventory_items'))[0].n);

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    token = (await sut.admin()).token;
    const maker = (await auth(sut.http().post('/api/inventory-manufacturers')).send({ name: 'MikroTik' }).expect(201)).body;
    model = (
      await auth(sut.http().post('/api/inventory-models'))
        .send({
          manufacturerId: maker.id,
          name: 'hAP ax2',
          macCount: 2,
          fields: [{ name: 'Firmware', required: true }, { name: 'Wi-Fi key' }],
        })
        .expect(201)
    ).body;
    modelId = model.id;
    firmwareFieldId = model.fields[0].id;
    warehouseId = (await auth(sut.http().post('/api/stock-locations')).send({ name: 'Main warehouse' }).expect(201)).body.id;
  });
  afterAll(() => sut.close());

  it('keeps an item in stock with its MACs in one form and its field values, then deploys it at an account and back', async () => {
    expect(model).toMatchObject({
      manufacturerName: 'MikroTik',
      macCount: 2,
      serialRequired: true,
      fields: [
        { name: 'Firmware', required: true },
        { name: 'Wi-Fi key', required: false },
      ],
    });
    const item = (
      await auth(sut.http().post('/api/inventory-items'))
        .send({
          modelId,
          serial: 'HC1234',
          macs: ['48-A9-8A-00-00-01', '48a9.8a00.0002'],
          stockLocationId: warehouseId,
          fieldValues: [{ fieldId: firmwareFieldId, value: '7.14' }],
        })
        .expect(201)
    ).body;
    expect(item).toMatchObject({
      status: 'in_stock',
      stockLocationName: 'Main warehouse',
      macs: [
        { position: 0, mac: '48:a9:8a:00:00:01' },
        { position: 1, mac: '48:a9:8a:00:00:02' },
      ],
      fieldValues: [{ name: 'Firmware', value: '7.14' }],
    });
    const accountId = await insertAccount(sut.db);
    const deployed = (
      await auth(sut.http().post(`/api/accounts/${accountId}/inventory-items`))
        .send({ itemId: item.id })
        .expect(201)
    ).body;
    expect(deployed).toMatchObject({ status: 'deployed', accountId, stockLocationId: null });
    const found = (
      await auth(sut.http().get('/api/inventory-items'))
        .query({ filter: JSON.stringify({ q: '48:A9:8A:00:00:02' }) })
        .expect(200)
    ).body;
    expect(found.map((i: { id: number }) => i.id)).toEqual([item.id]);
    const listed = await auth(sut.http().get('/api/inventory-items'))
      .query({ filter: JSON.stringify({ accountId }) })
      .expect(200);
    expect(listed.headers['content-range']).toBe('inventory-items 0-0/1');

    const edited = (
      await auth(sut.http().patch(`/api/inventory-items/${item.id}`))
        .send({ fieldValues: [{ fieldId: firmwareFieldId, value: '7.15' }] })
        .expect(200)
    ).body;
    expect(edited.fieldValues).toEqual([{ fieldId: firmwareFieldId, name: 'Firmware', value: '7.15' }]);
    const back = (
      await auth(sut.http().post(`/api/inventory-items/${item.id}/assignee`))
        .send({ stockLocationId: warehouseId })
        .expect(201)
    ).body;
    expect(back).toMatchObject({ status: 'in_stock', accountId: null, stockLocationId: warehouseId });
  });

  it('keeps an item whose MAC holds an address on its account until the address goes', async () => {
    const accountId = await insertAccount(sut.db);
    const item = (
      await auth(sut.http().post('/api/inventory-items'))
        .send({
          modelId,
          serial: 'HC2000',
          macs: ['48:a9:8a:00:01:01', '48:a9:8a:00:01:02'],
          accountId,
          fieldValues: [{ fieldId: firmwareFieldId, value: '7.14' }],
        })
        .expect(201)
    ).body;
    const supernet = (await auth(sut.http().post('/api/ip-supernets')).send({ name: 'Plan', network: '100.68.0.0/16' }).expect(201)).body;
    const subnet = (
      await auth(sut.http().post('/api/ip-subnets')).send({ supernetId: supernet.id, name: 'S', network: '100.68.0.0/24' }).expect(201)
    ).body;
    const assignment = (
      await auth(sut.http().post(`/api/accounts/${accountId}/ip-assignments`))
        .send({ assignee: 'inventory_mac', inventoryMacId: item.macs[1].id, address: '100.68.0.9' })
        .expect(201)
    ).body;
    expect((await auth(sut.http().get(`/api/inventory-items/${item.id}`)).expect(200)).body.macs[1].ipAddresses).toEqual(['100.68.0.9']);
    const refused = await auth(sut.http().post(`/api/inventory-items/${item.id}/assignee`))
      .send({ stockLocationId: warehouseId })
      .expect(409);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'stockLocationId', rule: 'addressesHeld' })]);
    await auth(sut.http().delete(`/api/ip-assignments/${assignment.id}`)).expect(200);
    await auth(sut.http().post(`/api/inventory-items/${item.id}/assignee`))
      .send({ stockLocationId: warehouseId })
      .expect(201);
    expect(subnet.id).toBeGreaterThan(0);
  });

  it('refuses a wrong MAC count, a duplicate MAC or serial, a missing required field and a malformed MAC, writing nothing', async () => {
    const before = await items();
    const base = { modelId, stockLocationId: warehouseId, fieldValues: [{ fieldId: firmwareFieldId, value: '7.14' }] };
    const cases: [object, number, string, string][] = [
      [{ ...base, serial: 'A1', macs: ['48:a9:8a:00:02:01'] }, 400, 'macs', 'count'],
      [{ ...base, serial: 'A1', macs: ['48:a9:8a:00:02:01', 'zz'] }, 400, 'macs[1]', 'macAddress'],
      [{ ...base, serial: 'A1', macs: ['48:a9:8a:00:02:01', '48:a9:8a:00:02:01'] }, 400, 'macs', 'unique'],
      [{ ...base, serial: 'A1', macs: ['48:a9:8a:00:00:01', '48:a9:8a:00:02:02'] }, 409, 'macs', 'unique'],
      [{ ...base, serial: 'HC1234', macs: ['48:a9:8a:00:02:01', '48:a9:8a:00:02:02'] }, 409, 'serial', 'unique'],
      [{ ...base, serial: null, macs: ['48:a9:8a:00:02:01', '48:a9:8a:00:02:02'] }, 400, 'serial', 'required'],
      [{ ...base, fieldValues: [], serial: 'A1', macs: ['48:a9:8a:00:02:01', '48:a9:8a:00:02:02'] }, 400, 'fieldValues', 'required'],
      [{ modelId, serial: 'A1', macs: ['48:a9:8a:00:02:01', '48:a9:8a:00:02:02'] }, 400, 'stockLocationId', 'oneOf'],
    ];
    for (const [body, status, field, rule] of cases) {
      const res = await auth(sut.http().post('/api/inventory-items')).send(body).expect(status);
      expect(res.body.details).toEqual([expect.objectContaining({ field, rule })]);
    }
    expect(await items()).toBe(before);
    const inUse = await auth(sut.http().delete(`/api/inventory-models/${modelId}`)).expect(409);
    expect(inUse.body.code).toBe('inventory_in_use');
  });

  it('records the devices seen behind an item, naming our own items among them', async () => {
    const router = (
      await auth(sut.http().post('/api/inventory-items'))
        .send({
          modelId,
          serial: 'R1',
          macs: ['48:a9:8a:00:03:01', '48:a9:8a:00:03:02'],
          stockLocationId: warehouseId,
          fieldValues: [{ fieldId: firmwareFieldId, value: '7.14' }],
        })
        .expect(201)
    ).body;
    await auth(sut.http().post(`/api/inventory-items/${router.id}/connected-devices`))
      .send({ mac: '48:A9:8A:00:00:01' })
      .expect(201);
    const seen = (
      await auth(sut.http().post(`/api/inventory-items/${router.id}/connected-devices`))
        .send({ mac: 'aa:bb:cc:dd:ee:ff' })
        .expect(201)
    ).body;
    expect(seen).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ mac: '48:a9:8a:00:00:01', itemLabel: 'hAP ax2 HC1234' }),
        expect.objectContaining({ mac: 'aa:bb:cc:dd:ee:ff', itemId: null }),
      ]),
    );
    await auth(sut.http().post(`/api/inventory-items/${router.id}/connected-devices`))
      .send({ mac: 'not-a-mac' })
      .expect(400);
  });
});
