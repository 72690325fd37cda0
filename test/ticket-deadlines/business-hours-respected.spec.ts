import { instantOfWallTime, isoWeekday, localDate } from '../../src/ticket-deadlines/business-time';
import { DeadlinesWorld, eventually, sleep } from './deadlines-world';

/** The next date after today (in the zone) that falls on the weekday, as YYYY-MM-DD. */
function nextDateOn(weekday: number, timeZone: string): string {
  let date = localDate(new Date(), timeZone);
  do date = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  while (isoWeekday(date) !== weekday);
  return date;
}

describe('a ticket opened while the helpdesk is closed', () => {
  let w: DeadlinesWorld;

  beforeAll(async () => {
    w = await DeadlinesWorld.start();
  });
  afterAll(async () => {
    await w.close();
  });

  it('is not breached until business hours come round, while a round-the-clock ticket with the same target is', async () => {
    const clerk = await w.staff();
    const groupId = await w.group([clerk]);
    await w.ok('post', '/api/ticket-deadline-targets', { groupId: null, priority: 'low', firstResponseSeconds: 3 });
    const accountId = await w.account();

    // No hours set: the clock always runs, so the control ticket is breached within seconds.
    expect(await w.ok('get', '/api/ticket-business-hours/week')).toMatchObject({ roundTheClock: true, hours: [] });
    const control = await w.openTicket(accountId, { groupId, assigneeUserId: clerk.id, priority: 'low' });
    await eventually('the control ticket breached', async () => ((await w.breaches(control)).length ? true : undefined));

    // Open only on a weekday three days away, like a weekend between now and Monday morning.
    const timeZone = w.sut.config.BILLING_TIME_ZONE;
    const today = isoWeekday(localDate(new Date(), timeZone));
    const openDay = ((today + 2) % 7) + 1;
    const hours = await w.ok('put', '/api/ticket-business-hours/week', { hours: [{ weekday: openDay, opens: '09:00', closes: '17:00' }] });
    expect(hours).toMatchObject({ roundTheClock: false, timeZone, hours: [{ weekday: openDay, opens: '09:00', closes: '17:00' }] });

    const closedHours = await w.openTicket(accountId, { groupId, assigneeUserId: clerk.id, priority: 'low' });
    const state = await w.ok('get', `/api/tickets/${closedHours}/deadlines`);
    const openingDate = nextDateOn(openDay, timeZone);
    // Three seconds after that day's opening at 09:00 in the instance's time zone.
    expect(state.firstResponseDueAt).toBe(new Date(instantOfWallTime(openingDate, 9 * 60, timeZone) + 3000).toISOString());

    await sleep(6000);
    expect(await w.breaches(closedHours)).toEqual([]);
    expect(w.noticesOf(closedHours)).toEqual([]);
    const handle = w.client.workflow.getHandle(`ticket/${closedHours}`);
    expect((await handle.describe()).status.name).toBe('RUNNING');
  });
});
