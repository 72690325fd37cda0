import { BillingConfigService } from '../../src/billing-config/billing-config.service';
import { createTestApp, TestApp } from '../support/test-app';
import { auditCount, Client } from './billing-config-fixture';

describe('delinquency exclusion dates', () => {
  let sut: TestApp;
  let client: Client;
  // A year of its own: the dates are unique across the shared database.
  const year = 2040 + Math.floor(Math.random() * 60);
  const path = '/api/delinquency-exclusion-dates';
  beforeAll(async () => {
    sut = await createTestApp();
    client = new Client(sut, (await sut.admin()).token);
  });
  afterAll(() => sut.close());

  it('lists, reads, changes and deletes dates', async () => {
    const newYear = (await client.post(path, { date: `${year}-01-01`, reason: '  New Year  ' }).expect(201)).body;
    expect(newYear).toMatchObject({ date: `${year}-01-01`, reason: 'New Year' });
    const boxing = (await client.post(path, { date: `${year}-12-26` }).expect(201)).body;
    expect(boxing.reason).toBeNull();

    const filter = JSON.stringify({ from: `${year}-01-01`, to: `${year}-12-31` });
    const list = await client.get(`${path}?filter=${encodeURIComponent(filter)}&sort=${encodeURIComponent('["date","DESC"]')}`).expect(200);
    expect(list.body.map((d: { date: string }) => d.date)).toEqual([`${year}-12-26`, `${year}-01-01`]);
    expect(list.headers['content-range']).toBe('delinquency-exclusion-dates 0-1/2');

    expect((await client.get(`${path}/${boxing.id}`).expect(200)).body).toEqual(boxing);
    const moved = (await client.put(`${path}/${boxing.id}`, { date: `${year}-12-28`, reason: 'Boxing Day (observed)' }).expect(200)).body;
    expect(moved).toMatchObject({ id: boxing.id, date: `${year}-12-28`, reason: 'Boxing Day (observed)' });

    await client.delete(`${path}/${newYear.id}`).expect(200);
    await client.get(`${path}/${newYear.id}`).expect(404);
    await client.delete(`${path}/${newYear.id}`).expect(404);
  });

  it('refuses a date twice, an impossible date and unknown fields, writing nothing', async () => {
    const first = (await client.post(path, { date: `${year}-07-04` }).expect(201)).body;
    const other = (await client.post(path, { date: `${year}-07-05` }).expect(201)).body;
    const refusals: [() => ReturnType<Client['post']>, number, string, string][] = [
      [() => client.post(path, { date: `${year}-07-04` }), 409, 'date', 'unique'],
      [() => client.put(`${path}/${other.id}`, { date: `${year}-07-04` }), 409, 'date', 'unique'],
      [() => client.post(path, { date: `${year}-02-30` }), 400, 'date', 'date'],
      [() => client.post(path, { date: `${year}-07-06`, reason: 'x'.repeat(201) }), 400, 'reason', 'maxLength'],
      [() => client.post(path, { date: `${year}-07-06`, holiday: true }), 400, 'holiday', 'unknownField'],
      [() => client.put(`${path}/${first.id}`, { date: null }), 400, 'date', 'notNull'],
    ];
    for (const [send, status, field, rule] of refusals) {
      const res = await send().expect(status);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
      expect(await auditCount(sut.db, client.lastRequestId)).toBe(0);
    }
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM delinquency_exclusion_dates WHERE YEAR(date) = ?', [year]);
    expect(Number(n)).toBe(3);
  });

  it('allows delinquency only on the chosen weekdays and never on an exclusion date', async () => {
    await client.post(path, { date: `${year}-11-26` }).expect(201);
    const sutService = sut.app.get(BillingConfigService);
    const weekdays = { delinquencyWeekdays: [1, 2, 3, 4, 5] };
    const dayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
    for (const day of ['20', '21', '22', '23', '24', '25', '26', '27']) {
      const date = `${year}-11-${day}`;
      const expected = weekdays.delinquencyWeekdays.includes(dayOf(date)) && date !== `${year}-11-26`;
      expect(await sutService.delinquencyAllowedOn(sut.db.manager, date, weekdays)).toBe(expected);
    }
  });
});
