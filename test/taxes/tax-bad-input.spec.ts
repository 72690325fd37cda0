import { createTestApp, TestApp } from '../support/test-app';
import { auditEntries, insertAccount, requestId, SQUARE, TaxClient, uniqueName } from './tax-fixture';

/** Each refused request answers 400 naming the field and rule, and leaves no row and no audit entry behind. */
describe('taxes, zones and overrides that break a rule are refused and nothing is written', () => {
  let sut: TestApp;
  let api: TaxClient;
  let taxTypeId: number;
  beforeAll(async () => {
    sut = await createTestApp();
    api = new TaxClient(sut, (await sut.admin()).token);
    taxTypeId = (await api.taxType()).id;
  });
  afterAll(() => sut.close());

  const count = async (table: string, column: string, value: unknown) =>
    Number((await sut.db.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`, [value]))[0].n);

  const taxCases: [string, Record<string, unknown>, string, string][] = [
    ['a negative rate', { rateE4: -1 }, 'rateE4', 'min'],
    ['a rate above 100 %', { rateE4: 1_000_001 }, 'rateE4', 'max'],
    ['a fractional rate (8.25 sent as a percent)', { rateE4: 8.25 }, 'rateE4', 'integer'],
    ['a rate with five decimals of a percent', { rateE4: 82_500.5 }, 'rateE4', 'integer'],
    ['a rate given as text', { rateE4: '82500' }, 'rateE4', 'integer'],
    ['no rate', { rateE4: undefined }, 'rateE4', 'integer'],
    ['an unknown tax type', { taxTypeId: 999_999_999 }, 'taxTypeId', 'exists'],
    ['a blank name', { name: '   ' }, 'name', 'minLength'],
    ['an unknown field', { percent: 8.25 }, 'percent', 'unknownField'],
  ];

  it.each(taxCases)('refuses a tax with %s', async (_label, change, field, rule) => {
    const name = uniqueName('Refused tax');
    const rid = requestId('tax-refused');
    const res = await api.post('/api/taxes', { name, taxTypeId, rateE4: 82_500, ...change }, rid).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    expect(await count('taxes', 'name', name)).toBe(0);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });

  it.each([
    ['a fractional rate', { rateE4: 0.5 }, 'rateE4', 'integer'],
    ['a null rate', { rateE4: null }, 'rateE4', 'notNull'],
    ['an unknown tax type', { taxTypeId: 999_999_998 }, 'taxTypeId', 'exists'],
  ])('refuses an update with %s and keeps the tax as it was', async (_label, change, field, rule) => {
    const tax = await api.tax({ taxTypeId });
    const before = (await api.get(`/api/taxes/${tax.id}`).expect(200)).body;
    const rid = requestId('tax-update-refused');
    const res = await api.put(`/api/taxes/${tax.id}`, change, rid).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    await expect(api.get(`/api/taxes/${tax.id}`).expect(200)).resolves.toMatchObject({ body: before });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });

  const ring = (...positions: unknown[]) => ({ type: 'Polygon', coordinates: [positions] });
  const zoneCases: [string, unknown, string, string][] = [
    ['no geometry', undefined, 'geometry', 'isDefined'],
    ['geometry as text', 'POLYGON((0 0, 1 0, 1 1, 0 0))', 'geometry', 'geoJson'],
    ['a Point', { type: 'Point', coordinates: [-89.65, 39.75] }, 'geometry.type', 'isIn'],
    ['no coordinates', { type: 'Polygon' }, 'geometry.coordinates', 'isArray'],
    ['an open ring', ring([-89.7, 39.7], [-89.6, 39.7], [-89.6, 39.8], [-89.7, 39.8]), 'geometry.coordinates.0', 'ringClosed'],
    ['a ring of three positions', ring([-89.7, 39.7], [-89.6, 39.7], [-89.7, 39.7]), 'geometry.coordinates.0', 'ringSize'],
    ['a longitude past 180', ring([-89.7, 39.7], [-89.6, 39.7], [180.5, 39.8], [-89.7, 39.7]), 'geometry.coordinates.0.2', 'longitude'],
    ['a latitude past 90', ring([-89.7, 39.7], [-89.6, 91], [-89.6, 39.8], [-89.7, 39.7]), 'geometry.coordinates.0.1', 'latitude'],
    ['a position of text', ring([-89.7, 39.7], ['-89.6', '39.7'], [-89.6, 39.8], [-89.7, 39.7]), 'geometry.coordinates.0.1', 'position'],
    [
      'a bad hole in the second polygon of a MultiPolygon',
      {
        type: 'MultiPolygon',
        coordinates: [
          SQUARE.coordinates,
          [
            SQUARE.coordinates[0].map(([x, y]) => [x + 1, y]),
            [
              [0, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        ],
      },
      'geometry.coordinates.1.1',
      'ringSize',
    ],
  ];

  it.each(zoneCases)('refuses a zone with %s, naming the field', async (_label, geometry, field, rule) => {
    const tax = await api.tax({ taxTypeId });
    const rid = requestId('zone-refused');
    const res = await api.post('/api/tax-zones', { name: uniqueName('Refused zone'), taxId: tax.id, geometry }, rid).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    expect(await count('tax_zones', 'tax_id', tax.id)).toBe(0);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });

  it('refuses a coordinate too large to be a finite number, naming its position', async () => {
    const tax = await api.tax({ taxTypeId });
    const rid = requestId('zone-infinite');
    // JSON has no Infinity, but 1e400 parses to it.
    const body = `{"name":"Overflow","taxId":${tax.id},"geometry":{"type":"Polygon","coordinates":[[[-89.7,39.7],[-89.6,39.7],[1e400,39.8],[-89.7,39.7]]]}}`;
    const res = await api.post('/api/tax-zones', body, rid).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'geometry.coordinates.0.2.0', rule: 'safeNumber' })]);
    expect(await count('tax_zones', 'tax_id', tax.id)).toBe(0);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });

  it('refuses a zone for an unknown tax', async () => {
    const rid = requestId('zone-unknown-tax');
    const res = await api
      .post('/api/tax-zones', { name: uniqueName('Orphan zone'), taxId: 999_999_999, geometry: SQUARE }, rid)
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'taxId', rule: 'exists' })]);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });

  it('refuses a zone update with a bad geometry and keeps the zone as it was', async () => {
    const tax = await api.tax({ taxTypeId });
    const zone = await api.zone(tax.id);
    const rid = requestId('zone-update-refused');
    const res = await api.put(`/api/tax-zones/${zone.id}`, { geometry: ring([0, 0], [1, 0], [1, 1], [0, 1]) }, rid).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'geometry.coordinates.0', rule: 'ringClosed' })]);
    await expect(api.get(`/api/tax-zones/${zone.id}`).expect(200)).resolves.toMatchObject({ body: { geometry: SQUARE } });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });

  const overrideCases: [string, Record<string, unknown>, string, string][] = [
    ['kind rate without a rate', { kind: 'rate' }, 'rateE4', 'required'],
    ['an exemption with a rate', { kind: 'exempt', rateE4: 1000 }, 'rateE4', 'notAllowed'],
    ['a fractional rate', { kind: 'rate', rateE4: 2.5 }, 'rateE4', 'integer'],
    ['a rate above 100 %', { kind: 'rate', rateE4: 1_000_001 }, 'rateE4', 'max'],
    ['an unknown kind', { kind: 'discount', rateE4: 1000 }, 'kind', 'isIn'],
    ['an unknown tax', { kind: 'exempt', taxId: 999_999_999 }, 'taxId', 'exists'],
  ];

  it.each(overrideCases)('refuses an override with %s', async (_label, change, field, rule) => {
    const accountId = await insertAccount(sut.db);
    const tax = await api.tax({ taxTypeId });
    const rid = requestId('override-refused');
    const res = await api.post(`/api/accounts/${accountId}/tax-overrides`, { taxId: tax.id, ...change }, rid).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    expect(await count('account_tax_overrides', 'account_id', accountId)).toBe(0);
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });

  it('refuses switching an exemption to kind rate without a rate, and keeps the exemption', async () => {
    const accountId = await insertAccount(sut.db);
    const tax = await api.tax({ taxTypeId });
    const override = (await api.post(`/api/accounts/${accountId}/tax-overrides`, { taxId: tax.id, kind: 'exempt' }).expect(201)).body;
    const rid = requestId('override-update-refused');
    const res = await api.put(`/api/accounts/${accountId}/tax-overrides/${override.id}`, { kind: 'rate' }, rid).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'rateE4', rule: 'required' })]);
    await expect(api.get(`/api/accounts/${accountId}/tax-overrides/${override.id}`).expect(200)).resolves.toMatchObject({
      body: { kind: 'exempt', rateE4: null },
    });
    await expect(auditEntries(sut.db, rid)).resolves.toEqual([]);
  });

  it('answers 404 for what does not exist', async () => {
    const accountId = await insertAccount(sut.db);
    const answers = [
      await api.get('/api/taxes/999999999'),
      await api.put('/api/taxes/999999999', { rateE4: 1 }),
      await api.delete('/api/taxes/999999999'),
      await api.get('/api/tax-types/999999999'),
      await api.delete('/api/tax-zones/999999999'),
      await api.get('/api/accounts/999999999/geo-taxes'),
      await api.get('/api/accounts/999999999/tax-overrides'),
      await api.post('/api/accounts/999999999/tax-overrides', { taxId: (await api.tax({ taxTypeId })).id, kind: 'exempt' }),
      await api.delete(`/api/accounts/${accountId}/tax-overrides/999999999`),
    ];
    expect(answers.map((res) => res.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404]);
  });
});
