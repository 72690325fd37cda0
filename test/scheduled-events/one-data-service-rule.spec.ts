import { randomUUID } from 'node:crypto';
import type { BillingWorld } from '../billing/billing-world';
import type { TestApp } from '../support/test-app';
import { inSeconds, lines, patch, schedule, scheduledEventsApp } from './scheduled-events-world';

describe('one data service per account, across scheduled events', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ sut, w, close } = await scheduledEventsApp());
  });
  afterAll(async () => {
    await close();
  });

  it('refuses a data service while the old one would still be there, and keeps earlier removals in place', async () => {
    await w.today('2026-05-04');
    const account = await w.account();
    const oldData = await w.service(5000, { kind: 'data', name: `Fiber 100 ${randomUUID().slice(0, 6)}` });
    const newData = await w.service(7000, { kind: 'data', name: `Fiber 1000 ${randomUUID().slice(0, 6)}` });
    const phone = await w.service(1000, { kind: 'voice' });
    const line = await w.addService(account, oldData, '2026-05-04');
    const count = async () =>
      Number((await sut.db.query('SELECT COUNT(*) AS n FROM scheduled_events WHERE account_id = ?', [account]))[0].n);

    const inHour = inSeconds(3600);
    const refused = await w
      .post(`/api/accounts/${account}/scheduled-events`, { kind: 'add_service', serviceId: newData, runAt: inHour })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'one_data_service', details: [{ field: 'serviceId', rule: 'oneDataService' }] });
    expect(refused.body.message).toContain('Fiber 100');

    // A removal at the very same moment is not earlier: still refused.
    const removal = await schedule(w, account, { kind: 'remove_service', accountServiceId: line.id, runAt: inSeconds(1800) });
    await w
      .post(`/api/accounts/${account}/scheduled-events`, { kind: 'add_service', serviceId: newData, runAt: removal.runAt })
      .expect(409);
    const upgrade = await schedule(w, account, { kind: 'add_service', serviceId: newData, runAt: inHour });
    expect(upgrade.summary).toContain('Fiber 1000');

    // Services that are not data services are not held back.
    const call = await schedule(w, account, { kind: 'add_service', serviceId: phone, runAt: inSeconds(900) });

    // A package holding a data service counts as one, and so does the upgrade already booked before it.
    const pkg = await w.post('/api/packages', { name: `Bundle ${randomUUID().slice(0, 6)}`, items: [{ serviceId: newData }] }).expect(201);
    const second = await w
      .post(`/api/accounts/${account}/scheduled-events`, { kind: 'add_package', packageId: pkg.body.id, runAt: inSeconds(7200) })
      .expect(409);
    expect(second.body.details[0]).toMatchObject({ field: 'packageId', rule: 'oneDataService' });
    expect(second.body.message).toContain('scheduled for');

    // The removal the upgrade relies on can be neither moved after it nor cancelled.
    const moved = await patch(w, `/api/scheduled-events/${removal.id}`, { runAt: inSeconds(5400) }).expect(409);
    expect(moved.body).toMatchObject({ code: 'one_data_service', details: [{ field: 'runAt' }] });
    expect(moved.body.message).toContain(`Scheduled event ${upgrade.id}`);
    const kept = await w.post(`/api/scheduled-events/${removal.id}/cancel`).expect(409);
    expect(kept.body).toMatchObject({ code: 'one_data_service', details: [{ field: 'id' }] });
    // Nor can the same line be removed twice.
    const twice = await w
      .post(`/api/accounts/${account}/scheduled-events`, { kind: 'remove_service', accountServiceId: line.id, runAt: inSeconds(600) })
      .expect(409);
    expect(twice.body).toMatchObject({ code: 'removal_already_scheduled' });
    expect(await count()).toBe(3);

    // Once the upgrade is cancelled, the removal is free to go too.
    await w.post(`/api/scheduled-events/${upgrade.id}/cancel`).expect(200);
    await w.post(`/api/scheduled-events/${removal.id}/cancel`).expect(200);
    await w.post(`/api/scheduled-events/${call.id}/cancel`).expect(200);
    const removals = await sut.db.query("SELECT state FROM scheduled_events WHERE id IN (?, ?) AND state = 'cancelled'", [
      upgrade.id,
      removal.id,
    ]);
    expect(removals).toHaveLength(2);
    expect((await lines(w, account)).map((l) => l.id)).toEqual([line.id]);
    await w.expectBooksBalance([account]);
  });
});
