import { randomUUID } from 'node:crypto';
import { AccountTaxContext, TaxService } from '../../src/taxes/tax.service';
import { createTestApp, TestApp } from '../support/test-app';
import { insertAccount, placeAccount, rectangle } from './tax-fixture';

/**
 * The taxes billing puts on a line for real accounts: the context is loaded from the
 * database, then each row's amounts are worked by hand beside it.
 */
describe('the taxes on a line follow the account: zones, overrides, exemptions and inactive taxes', () => {
  let app: TestApp;
  let sut: TaxService;
  const tax: Record<'state' | 'county' | 'city' | 'retired' | 'overridden' | 'waived', number> = {
    state: 0,
    county: 0,
    city: 0,
    retired: 0,
    overridden: 0,
    waived: 0,
  };
  const account: Record<'inCity' | 'onCityEdge' | 'outOfCity' | 'unplaced', number> = {
    inCity: 0,
    onCityEdge: 0,
    outOfCity: 0,
    unplaced: 0,
  };

  const insertTax = async (rateE4: number, active = true): Promise<number> => {
    const type = await app.db.query('INSERT INTO tax_types (name) VALUES (?)', [`Lines type ${randomUUID()}`]);
    const row = await app.db.query('INSERT INTO taxes (name, tax_type_id, rate_e4, active) VALUES (?, ?, ?, ?)', [
      `Lines tax ${randomUUID()}`,
      type.insertId,
      rateE4,
      active ? 1 : 0,
    ]);
    return Number(row.insertId);
  };

  beforeAll(async () => {
    app = await createTestApp();
    sut = app.app.get(TaxService);
    tax.state = await insertTax(82_500); // 8.25 %
    tax.county = await insertTax(15_000); // 1.5 %
    tax.city = await insertTax(20_000); // 2 %, only inside the city zone
    tax.retired = await insertTax(50_000, false); // 5 %, inactive
    tax.overridden = await insertTax(62_500); // 6.25 %, one account pays 2.5 %
    tax.waived = await insertTax(30_000); // 3 %, one account is exempt
    // Far from any other test's zones, so shared-database neighbours cannot put these accounts in theirs.
    const city = { type: 'Polygon', coordinates: [rectangle(10.1, -45.2, 10.2, -45.1)] };
    await app.db.query(
      `INSERT INTO tax_zones (name, tax_id, geometry, min_lat, max_lat, min_lng, max_lng)
       VALUES ('City limits', ?, ?, '-45.200000', '-45.100000', '10.100000', '10.200000')`,
      [tax.city, JSON.stringify(city)],
    );
    for (const key of Object.keys(account) as (keyof typeof account)[]) account[key] = await insertAccount(app.db);
    await placeAccount(app.db, account.inCity, '-45.150000', '10.150000');
    await placeAccount(app.db, account.onCityEdge, '-45.100000', '10.125000');
    await placeAccount(app.db, account.outOfCity, '-45.099999', '10.125000');
    await app.db.query("INSERT INTO account_tax_overrides (account_id, tax_id, kind, rate_e4) VALUES (?, ?, 'rate', 25000)", [
      account.inCity,
      tax.overridden,
    ]);
    await app.db.query("INSERT INTO account_tax_overrides (account_id, tax_id, kind, rate_e4) VALUES (?, ?, 'exempt', NULL)", [
      account.inCity,
      tax.waived,
    ]);
  });
  afterAll(() => app.close());

  const context = (accountId: number, exempt = false): Promise<AccountTaxContext> => sut.contextFor(app.db.manager, accountId, { exempt });

  type Row = [string, keyof typeof account, boolean, number, (keyof typeof tax)[], [keyof typeof tax, number, number][]];
  const rows: Row[] = [
    // [hand computation, account, exempt, line cents, taxes on the service, expected [tax, rateE4, cents]]
    [
      '1999 at 8.25 % = 164.9175 → 165 and at 1.5 % = 29.985 → 30',
      'outOfCity',
      false,
      1999,
      ['state', 'county'],
      [
        ['state', 82_500, 165],
        ['county', 15_000, 30],
      ],
    ],
    ['inside the city: 2599 at 2 % = 51.98 → 52', 'inCity', false, 2599, ['city'], [['city', 20_000, 52]]],
    ['exactly on the city edge: 2599 at 2 % = 51.98 → 52', 'onCityEdge', false, 2599, ['city'], [['city', 20_000, 52]]],
    ['a micro-degree outside the city: no city tax', 'outOfCity', false, 2599, ['city'], []],
    ['no coordinates: inside no zone', 'unplaced', false, 2599, ['state', 'city'], [['state', 82_500, 214]]], // 2599 × 8.25 % = 214.4175 → 214
    ['an inactive tax is charged to nobody', 'unplaced', false, 1999, ['retired', 'county'], [['county', 15_000, 30]]],
    ['its own rate: 1999 at 2.5 % (not 6.25 %) = 49.975 → 50', 'inCity', false, 1999, ['overridden'], [['overridden', 25_000, 50]]],
    [
      'everyone else pays the tax rate: 1999 at 6.25 % = 124.9375 → 125',
      'outOfCity',
      false,
      1999,
      ['overridden'],
      [['overridden', 62_500, 125]],
    ],
    ['exempt from one tax: 1999 at 3 % left out, 8.25 % = 165 stays', 'inCity', false, 1999, ['waived', 'state'], [['state', 82_500, 165]]],
    ['no exemption elsewhere: 1999 at 3 % = 59.97 → 60', 'outOfCity', false, 1999, ['waived'], [['waived', 30_000, 60]]],
    ['a tax-exempt account pays nothing at all', 'inCity', true, 1999, ['state', 'county', 'city', 'overridden'], []],
  ];

  it.each(rows)('%s', async (_hand, who, exempt, line, taxes, expected) => {
    const ctx = await context(account[who], exempt);
    const lines = sut.taxLines(
      ctx,
      line,
      taxes.map((t) => tax[t]),
    );
    expect(lines.map((l) => [l.taxId, l.rateE4, l.amount])).toEqual(expected.map(([t, rate, cents]) => [tax[t], rate, cents]));
  });

  it('names each line with the tax and its type', async () => {
    const [line] = sut.taxLines(await context(account.outOfCity), 1999, [tax.state]);
    const [row] = await app.db.query(
      'SELECT t.name, ty.name AS type FROM taxes t JOIN tax_types ty ON ty.id = t.tax_type_id WHERE t.id = ?',
      [tax.state],
    );
    expect(line).toEqual({ taxId: tax.state, taxName: row.name, taxTypeName: row.type, rateE4: 82_500, amount: 165 });
  });

  it('records which zones the account is in', async () => {
    const ctx = await context(account.onCityEdge);
    expect(ctx.zonesHit).toEqual([expect.objectContaining({ zoneName: 'City limits', taxId: tax.city })]);
    await expect(context(account.outOfCity)).resolves.toMatchObject({ zonesHit: [] });
  });
});
