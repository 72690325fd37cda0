import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

describe("a model's MAC count and manufacturer changed after it has items", () => {
  let sut: TestApp;
  let token: string;
  let warehouseId: number;
  let makers: { mikrotik: number; ubiquiti: number };
  const auth = <T extends { auth: (t: string, o: { type: 'bearer' }) => T }>(req: T) => req.auth(token, { type: 'bearer' });
  const patchModel = (id: number, body: object, status: number) =>
    auth(sut.http().patch(`/api/inventory-models/${id}`))
      .send(body)
      .expect(status);
  const modelRow = async (id: number) =>
    (await sut.db.query('SELECT manufacturer_id, name, mac_count FROM inventory_models WHERE id = ?', [id]))[0] as Record<string, unknown>;
  const auditRows = async () =>
    Number((await sut.db.query("SELECT COUNT(*) AS n FROM action_history WHERE entity_type = 'inventory_model'"))[0].n);
  let macCounter = 0;
  const newMacs = (n: number) => Array.from({ length: n }, () => `02:aa:00:00:${(++macCounter).toString(16).padStart(2, '0')}:01`);

  async function modelWithItem(name: string, macCount: number, itemMacs: number) {
    const model = (
      await auth(sut.http().post('/api/inventory-models'))
        .send({ manufacturerId: makers.mikrotik, name, macCount, serialRequired: false, fields: [{ name: 'Firmware' }] })
        .expect(201)
    ).body;
    if (itemMacs > 0) {
      await auth(sut.http().post('/api/inventory-items'))
        .send({
          modelId: model.id,
          macs: newMacs(itemMacs),
          stockLocationId: warehouseId,
          fieldValues: [{ fieldId: model.fields[0].id, value: '7.14' }],
        })
        .expect(201);
    }
    return model as { id: number; fields: { id: number }[] };
  }

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    token = (await sut.admin()).token;
    const maker = async (name: string) =>
      (await auth(sut.http().post('/api/inventory-manufacturers')).send({ name }).expect(201)).body.id as number;
    makers = { mikrotik: await maker('MikroTik'), ubiquiti: await maker('Ubiquiti') };
    warehouseId = (await auth(sut.http().post('/api/stock-locations')).send({ name: 'Main warehouse' }).expect(201)).body.id;
  });
  afterAll(() => sut.close());

  it('raises the MAC count, and lowers it as far as the fullest item allows, the next item taking the new count', async () => {
    const model = await modelWithItem('hAP ax2', 2, 2);
    expect((await patchModel(model.id, { macCount: 4 }, 200)).body).toMatchObject({ macCount: 4 });
    expect((await patchModel(model.id, { macCount: 2 }, 200)).body).toMatchObject({ macCount: 2 });
    // A model's MACs are counted per item: the next item is made with the new count.
    await patchModel(model.id, { macCount: 3 }, 200);
    const item = await auth(sut.http().post('/api/inventory-items'))
      .send({ modelId: model.id, macs: newMacs(3), stockLocationId: warehouseId })
      .expect(201);
    expect(item.body.macs).toHaveLength(3);
    const twoMacs = await auth(sut.http().post('/api/inventory-items'))
      .send({ modelId: model.id, macs: newMacs(2), stockLocationId: warehouseId })
      .expect(400);
    expect(twoMacs.body.details).toEqual([expect.objectContaining({ field: 'macs', rule: 'count' })]);
  });

  it('refuses a MAC count below what an item of the model has, naming macCount, and writes nothing', async () => {
    const model = await modelWithItem('RB5009', 2, 2);
    const audited = await auditRows();
    const refused = await patchModel(model.id, { name: 'RB5009UG', macCount: 1 }, 409);
    expect(refused.body).toMatchObject({
      code: 'inventory_in_use',
      details: [expect.objectContaining({ field: 'macCount', rule: 'itemsHaveMore' })],
    });
    expect(refused.body.message).toContain('2 MAC addresses');
    expect(await modelRow(model.id)).toMatchObject({ name: 'RB5009', mac_count: 2 });
    expect(await auditRows()).toBe(audited);
  });

  it('lowers the MAC count of a model with no items as far as none', async () => {
    const empty = await modelWithItem('cAP ax', 2, 0);
    expect((await patchModel(empty.id, { macCount: 0 }, 200)).body).toMatchObject({ macCount: 0 });
  });

  it('refuses a MAC count outside 0 to 16 and a malformed one, naming macCount, and writes nothing', async () => {
    const model = await modelWithItem('hEX', 1, 0);
    const audited = await auditRows();
    for (const [macCount, rule] of [
      [17, 'max'],
      [-1, 'min'],
      [1.5, 'isInt'],
    ] as const) {
      const res = await patchModel(model.id, { macCount }, 400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'macCount', rule })]));
    }
    expect(await modelRow(model.id)).toMatchObject({ mac_count: 1 });
    expect(await auditRows()).toBe(audited);
  });

  it('moves a model to another manufacturer with its items, and keeps the change in the action history', async () => {
    const model = await modelWithItem('LiteBeam 5AC', 1, 1);
    const audited = await auditRows();
    const moved = (await patchModel(model.id, { manufacturerId: makers.ubiquiti }, 200)).body;
    expect(moved).toMatchObject({ manufacturerId: makers.ubiquiti, manufacturerName: 'Ubiquiti', itemCount: 1 });
    const items = (
      await auth(sut.http().get('/api/inventory-items'))
        .query({ filter: JSON.stringify({ modelId: model.id }) })
        .expect(200)
    ).body;
    // The list carries each field value with its field's name, as the panel shows it.
    expect(items).toEqual([
      expect.objectContaining({
        manufacturerName: 'Ubiquiti',
        modelName: 'LiteBeam 5AC',
        fieldValues: [{ fieldId: model.fields[0].id, name: 'Firmware', value: '7.14' }],
      }),
    ]);
    expect(await auditRows()).toBe(audited + 1);
    const [entry] = await sut.db.query(
      "SELECT before_state, after_state FROM action_history WHERE entity_type = 'inventory_model' AND entity_id = ? ORDER BY id DESC LIMIT 1",
      [String(model.id)],
    );
    const state = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(state(entry.before_state)).toMatchObject({ manufacturerName: 'MikroTik' });
    expect(state(entry.after_state)).toMatchObject({ manufacturerName: 'Ubiquiti' });
    // The manufacturer that has it now cannot be deleted.
    await auth(sut.http().delete(`/api/inventory-manufacturers/${makers.ubiquiti}`)).expect(409);
  });

  it('refuses a manufacturer that does not exist (400) or that has a model of that name already (409), writing nothing', async () => {
    const model = await modelWithItem('hAP ac3', 1, 0);
    await auth(sut.http().post('/api/inventory-models'))
      .send({ manufacturerId: makers.ubiquiti, name: 'hAP ac3', macCount: 1 })
      .expect(201);
    const audited = await auditRows();
    const missing = await patchModel(model.id, { manufacturerId: 999_999 }, 400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'manufacturerId', rule: 'exists' })]);
    const clash = await patchModel(model.id, { manufacturerId: makers.ubiquiti }, 409);
    expect(clash.body).toMatchObject({
      code: 'inventory_duplicate',
      details: [expect.objectContaining({ field: 'manufacturerId', rule: 'unique' })],
    });
    expect(await modelRow(model.id)).toMatchObject({ manufacturer_id: makers.mikrotik, name: 'hAP ac3' });
    expect(await auditRows()).toBe(audited);
  });
});
