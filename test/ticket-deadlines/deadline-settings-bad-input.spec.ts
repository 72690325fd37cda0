import { Permission } from '../../src/auth/permission';
import { DeadlinesWorld } from './deadlines-world';

describe('ticket deadline settings refused', () => {
  let w: DeadlinesWorld;

  beforeAll(async () => {
    w = await DeadlinesWorld.start();
  });
  afterAll(async () => {
    await w.close();
  });

  it('refuses hours across midnight or overlapping, duplicate holidays and targets, and writes nothing', async () => {
    const across = await w.call('put', '/api/ticket-business-hours/week', { hours: [{ weekday: 5, opens: '22:00', closes: '06:00' }] });
    expect(across.status).toBe(400);
    expect(across.body.message).toMatch(/may not cross midnight/);
    const overlap = await w.call('put', '/api/ticket-business-hours/week', {
      hours: [
        { weekday: 1, opens: '09:00', closes: '13:00' },
        { weekday: 1, opens: '12:00', closes: '17:00' },
      ],
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.details).toEqual([expect.objectContaining({ field: 'hours', rule: 'overlap' })]);
    const badClock = await w.call('put', '/api/ticket-business-hours/week', { hours: [{ weekday: 8, opens: '9am', closes: '25:00' }] });
    expect(badClock.status).toBe(400);
    expect(await w.ok('get', '/api/ticket-business-hours/week')).toMatchObject({ roundTheClock: true, hours: [] });

    const nightShift = await w.ok('put', '/api/ticket-business-hours/week', {
      hours: [
        { weekday: 6, opens: '00:00', closes: '06:00' },
        { weekday: 5, opens: '22:00', closes: '24:00' },
      ],
    });
    expect(nightShift.hours).toEqual([
      { weekday: 5, opens: '22:00', closes: '24:00' },
      { weekday: 6, opens: '00:00', closes: '06:00' },
    ]);

    await w.ok('post', '/api/ticket-holidays', { date: '2026-12-25', name: 'Christmas Day' });
    const twice = await w.call('post', '/api/ticket-holidays', { date: '2026-12-25', name: 'Again' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ticket_holiday_date_taken');

    const none = await w.call('post', '/api/ticket-deadline-targets', { priority: 'low' });
    expect(none.status).toBe(400);
    const noGroup = await w.call('post', '/api/ticket-deadline-targets', { groupId: 999999, priority: 'low', resolutionSeconds: 60 });
    expect(noGroup.status).toBe(400);
    expect(noGroup.body.details).toEqual([expect.objectContaining({ field: 'groupId', rule: 'exists' })]);
    const target = await w.ok('post', '/api/ticket-deadline-targets', {
      priority: 'low',
      firstResponseSeconds: 3600,
      resolutionSeconds: 86400,
    });
    expect(target).toMatchObject({
      groupId: null,
      groupName: null,
      priority: 'low',
      firstResponseSeconds: 3600,
      resolutionSeconds: 86400,
      raisePriorityOnBreach: false,
    });
    const duplicate = await w.call('post', '/api/ticket-deadline-targets', { priority: 'low', resolutionSeconds: 60 });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('ticket_deadline_target_taken');
    const [{ n }]: { n: number }[] = await w.sut.db.query('SELECT COUNT(*) AS n FROM ticket_deadline_targets');
    expect(Number(n)).toBe(1);

    // Seeing needs tickets.read, changing tickets.configure.
    const reader = await w.sut.userWith([Permission.TicketsRead]);
    expect((await w.call('get', '/api/ticket-deadline-targets', undefined, reader.token)).status).toBe(200);
    expect((await w.call('put', `/api/ticket-deadline-targets/${target.id}`, { resolutionSeconds: 60 }, reader.token)).status).toBe(403);
    const stranger = await w.sut.userWith([Permission.AccountsRead]);
    expect((await w.call('get', '/api/ticket-business-hours/week', undefined, stranger.token)).status).toBe(403);
    expect((await w.sut.http().get('/api/ticket-holidays')).status).toBe(401);
  });
});
