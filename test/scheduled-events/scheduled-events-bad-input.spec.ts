import { Permission } from '../../src/auth/permission';
import type { BillingWorld } from '../billing/billing-world';
import type { TestApp } from '../support/test-app';
import { inSeconds, patch, schedule, scheduledEventsApp } from './scheduled-events-world';

describe('scheduled events refuse bad input and missing permissions', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ sut, w, close } = await scheduledEventsApp());
  });
  afterAll(async () => {
    await close();
  });

  const count = async (account: number) =>
    Number((await sut.db.query('SELECT COUNT(*) AS n FROM scheduled_events WHERE account_id = ?', [account]))[0].n);

  it('answers 400 naming the field and rule, and writes nothing', async () => {
    const account = await w.account();
    const other = await w.account();
    const service = await w.service(1200);
    const otherLine = await w.addService(other, service, '2026-11-01');
    const pkg = await w.post('/api/packages', { name: `Pack ${Date.now()}`, items: [{ serviceId: service }] }).expect(201);
    const packageLine = await w
      .post('/api/account-services', { accountId: account, packageId: pkg.body.id, date: '2026-11-01' })
      .expect(201);
    const url = `/api/accounts/${account}/scheduled-events`;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'add_service', serviceId: service, runAt: '2020-01-01T00:00:00Z' }, 'runAt', 'future'],
      [{ kind: 'add_service', serviceId: service, runAt: '2030-01-01T08:00:00' }, 'runAt', 'instant'],
      [{ kind: 'add_service', serviceId: service, runAt: '2030-02-30T08:00:00Z' }, 'runAt', 'instant'],
      [{ kind: 'add_service', serviceId: service, runAt: '2099-01-01T00:00:00Z' }, 'runAt', 'range'],
      [{ kind: 'take_payment', runAt: inSeconds(600) }, 'kind', 'isIn'],
      [{ kind: 'add_service', serviceId: 999999999, runAt: inSeconds(600) }, 'serviceId', 'exists'],
      [{ kind: 'add_service', runAt: inSeconds(600) }, 'serviceId', 'required'],
      [{ kind: 'add_service', serviceId: service, accountStatusId: 1, runAt: inSeconds(600) }, 'accountStatusId', 'notForKind'],
      [{ kind: 'add_service', serviceId: service, priceOverride: 12.5, runAt: inSeconds(600) }, 'priceOverride', 'isInt'],
      [{ kind: 'add_service', serviceId: service, quantity: 0, runAt: inSeconds(600) }, 'quantity', 'min'],
      [{ kind: 'change_status', accountStatusId: 999999999, runAt: inSeconds(600) }, 'accountStatusId', 'exists'],
      [{ kind: 'change_status', accountStatusId: 1, prorate: true, runAt: inSeconds(600) }, 'prorate', 'notForKind'],
      [{ kind: 'remove_service', accountServiceId: otherLine.id, runAt: inSeconds(600) }, 'accountServiceId', 'sameAccount'],
      [{ kind: 'remove_service', accountServiceId: packageLine.body.id, runAt: inSeconds(600) }, 'accountServiceId', 'kind'],
      [{ kind: 'set_price_override', accountServiceId: packageLine.body.id, runAt: inSeconds(600) }, 'priceOverride', 'required'],
      [{ kind: 'clear_price_override', accountServiceId: packageLine.body.id, runAt: inSeconds(600) }, 'accountServiceId', 'servicesOnly'],
      [{ kind: 'remove_package', accountServiceId: packageLine.body.id, runAt: inSeconds(600), note: 'x' }, 'note', 'unknownField'],
    ];
    for (const [body, field, rule] of cases) {
      const res = await w.post(url, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    }
    await w
      .post('/api/accounts/999999999/scheduled-events', { kind: 'add_service', serviceId: service, runAt: inSeconds(600) })
      .expect(404);
    expect(await count(account)).toBe(0);

    // Edits: the kind stays, a field of another kind is refused, and a revision is spent only on a valid change.
    const created = await schedule(w, account, { kind: 'add_service', serviceId: service, runAt: inSeconds(600) });
    const edits: [Record<string, unknown>, string, string][] = [
      [{}, 'runAt', 'nothingToChange'],
      [{ kind: 'remove_service' }, 'kind', 'unknownField'],
      [{ packageId: pkg.body.id }, 'packageId', 'notForKind'],
      [{ serviceId: null }, 'serviceId', 'required'],
      [{ runAt: '2020-01-01T00:00:00Z' }, 'runAt', 'future'],
    ];
    for (const [body, field, rule] of edits) {
      const res = await patch(w, `/api/scheduled-events/${created.id}`, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    }
    await patch(w, '/api/scheduled-events/999999999', { runAt: inSeconds(60) }).expect(404);
    const [row] = await sut.db.query('SELECT revision, state FROM scheduled_events WHERE id = ?', [created.id]);
    expect({ revision: Number(row.revision), state: row.state }).toEqual({ revision: 1, state: 'scheduled' });
    await w.post(`/api/scheduled-events/${created.id}/cancel`).expect(200);
    await w.expectBooksBalance([account, other]);
  });

  it('answers 403 without the permission, and choosing proration needs its own', async () => {
    const account = await w.account();
    const service = await w.service(900);
    const reader = await sut.userWith([Permission.BillingRead]);
    const clerk = await sut.userWith([Permission.BillingRead, Permission.BillingManage]);
    const stranger = await sut.userWith([Permission.AccountsRead]);
    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    const body = { kind: 'add_service', serviceId: service, runAt: inSeconds(600) };
    const url = `/api/accounts/${account}/scheduled-events`;

    await sut.http().get(url).set(as(stranger.token)).expect(403);
    await sut.http().get(url).set(as(reader.token)).expect(200);
    await sut.http().post(url).set(as(reader.token)).send(body).expect(403);
    const prorated = await sut
      .http()
      .post(url)
      .set(as(clerk.token))
      .send({ ...body, prorate: false })
      .expect(403);
    expect(prorated.body.details[0]).toMatchObject({ field: 'prorate', rule: 'permission' });
    expect(await count(account)).toBe(0);

    const created = (await sut.http().post(url).set(as(clerk.token)).send(body).expect(201)).body;
    expect(created.createdByEmail).toBe(clerk.email);
    await sut
      .http()
      .patch(`/api/scheduled-events/${created.id}`)
      .set(as(reader.token))
      .send({ runAt: inSeconds(900) })
      .expect(403);
    await sut.http().patch(`/api/scheduled-events/${created.id}`).set(as(clerk.token)).send({ prorate: true }).expect(403);
    await sut.http().post(`/api/scheduled-events/${created.id}/cancel`).set(as(reader.token)).expect(403);
    const [row] = await sut.db.query('SELECT revision, state FROM scheduled_events WHERE id = ?', [created.id]);
    expect({ revision: Number(row.revision), state: row.state }).toEqual({ revision: 1, state: 'scheduled' });
    await sut.http().post(`/api/scheduled-events/${created.id}/cancel`).set(as(clerk.token)).expect(200);
    const list = await sut.http().get(url).set(as(reader.token)).expect(200);
    expect(list.body.map((e: { id: number; state: string }) => [e.id, e.state])).toEqual([[created.id, 'cancelled']]);
    expect(list.headers['content-range']).toBe('scheduled-events 0-0/1');
  });
});
