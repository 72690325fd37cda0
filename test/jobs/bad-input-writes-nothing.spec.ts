import { account, call, daysAhead, job, jobsWorld, JobsWorld, jobTableCounts, jobType, technician } from './jobs-world';

describe('bad input to the jobs routes', () => {
  let w: JobsWorld;
  beforeAll(async () => {
    // A database of its own, so that every row of every table jobs write can be counted.
    w = await jobsWorld({ isolated: true });
  });
  afterAll(() => w.close());

  it('answers 400 naming the field and rule, and writes nothing', async () => {
    const type = await jobType(w);
    const tech = await technician(w);
    const { accountId } = await account(w);
    const sut = await job(w, accountId, type.id);
    const task = await w.sut.db.query("INSERT INTO account_tasks (account_id, title, created_by_user_id) VALUES (?, 'Spare ONT', ?)", [
      accountId,
      tech,
    ]);
    const { accountId: otherAccount } = await account(w);
    const otherTask = await w.sut.db.query(
      "INSERT INTO account_tasks (account_id, title, created_by_user_id) VALUES (?, 'Not theirs', ?)",
      [otherAccount, tech],
    );
    const before = await jobTableCounts(w);

    const cases: [method: 'post' | 'patch', path: string, body: object, field: string, rule: string][] = [
      ['post', `/api/accounts/${accountId}/jobs`, {}, 'jobTypeId', 'isInt'],
      ['post', `/api/accounts/${accountId}/jobs`, { jobTypeId: 99999999 }, 'jobTypeId', 'exists'],
      ['post', `/api/accounts/${accountId}/jobs`, { jobTypeId: type.id, durationMinutes: 4 }, 'durationMinutes', 'min'],
      ['post', `/api/accounts/${accountId}/jobs`, { jobTypeId: type.id, durationMinutes: 1441 }, 'durationMinutes', 'max'],
      ['post', `/api/accounts/${accountId}/jobs`, { jobTypeId: type.id, notes: 'x'.repeat(10_001) }, 'notes', 'maxLength'],
      ['post', `/api/accounts/${accountId}/jobs`, { jobTypeId: type.id, ticketId: 99999999 }, 'ticketId', 'sameAccount'],
      ['post', `/api/accounts/${accountId}/jobs`, { jobTypeId: type.id, accountId: 5 }, 'accountId', 'unknownField'],
      ['patch', `/api/jobs/${sut.id}`, {}, 'body', 'nothingToChange'],
      ['patch', `/api/jobs/${sut.id}`, { durationMinutes: null }, 'durationMinutes', 'notNull'],
      ['post', `/api/jobs/${sut.id}/schedule`, { technicianIds: [tech] }, 'startsAt', 'instant'],
      ['post', `/api/jobs/${sut.id}/schedule`, { startsAt: '2026-12-01T09:00:00', technicianIds: [tech] }, 'startsAt', 'instant'],
      ['post', `/api/jobs/${sut.id}/schedule`, { startsAt: '2020-01-01T09:00:00Z', technicianIds: [tech] }, 'startsAt', 'future'],
      ['post', `/api/jobs/${sut.id}/schedule`, { startsAt: daysAhead(900).toISOString(), technicianIds: [tech] }, 'startsAt', 'range'],
      [
        'post',
        `/api/jobs/${sut.id}/schedule`,
        { startsAt: daysAhead(9).toISOString(), technicianIds: [] },
        'technicianIds',
        'arrayMinSize',
      ],
      [
        'post',
        `/api/jobs/${sut.id}/schedule`,
        { startsAt: daysAhead(9).toISOString(), technicianIds: [tech, tech] },
        'technicianIds',
        'arrayUnique',
      ],
      [
        'post',
        `/api/jobs/${sut.id}/schedule`,
        { startsAt: daysAhead(9).toISOString(), technicianIds: [99999999] },
        'technicianIds',
        'bookable',
      ],
      ['post', `/api/jobs/${sut.id}/status`, { status: 'done' }, 'status', 'isIn'],
      ['post', `/api/jobs/${sut.id}/links`, { kind: 'note', targetId: 1 }, 'kind', 'isIn'],
      ['post', `/api/jobs/${sut.id}/links`, { kind: 'task', targetId: Number(otherTask.insertId) }, 'targetId', 'sameAccount'],
      ['post', '/api/job-types', { name: '', defaultDurationMinutes: 30 }, 'name', 'minLength'],
      ['post', '/api/job-types', { name: 'Survey', defaultDurationMinutes: 30, color: 'red' }, 'color', 'matches'],
      ['post', '/api/job-types', { name: 'Survey', defaultDurationMinutes: 30, completionAction: 'explode' }, 'completionAction', 'isIn'],
      [
        'post',
        '/api/job-types',
        { name: 'Survey', defaultDurationMinutes: 30, activationStatusId: 1 },
        'activationStatusId',
        'notForAction',
      ],
      ['post', '/api/technicians', { userId: 99999999 }, 'userId', 'activeUser'],
      ['patch', '/api/job-settings', { reminderLeadMinutes: 10_081 }, 'reminderLeadMinutes', 'max'],
    ];
    const failures: string[] = [];
    for (const [method, path, body, field, rule] of cases) {
      const res = await call(w, method, path, body);
      const named = (res.body.details ?? []).some((d: { field: string; rule: string }) => d.field === field && d.rule === rule);
      if (res.status !== 400 || !named)
        failures.push(`${method} ${path} ${JSON.stringify(body).slice(0, 80)} -> ${res.status} ${JSON.stringify(res.body.details)}`);
    }
    expect(failures).toEqual([]);

    const listed = await call(w, 'get', `/api/jobs?filter=${encodeURIComponent(JSON.stringify({ status: 'lost' }))}`).expect(400);
    expect(listed.body.details).toEqual([expect.objectContaining({ field: 'filter.status', rule: 'isIn' })]);
    const calendar = await call(w, 'get', '/api/jobs/calendar?from=2026-12-07T00:00:00Z&to=2026-12-01T00:00:00Z').expect(400);
    expect(calendar.body.details).toEqual([expect.objectContaining({ field: 'to', rule: 'afterFrom' })]);
    const wide = await call(w, 'get', '/api/jobs/calendar?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z').expect(400);
    expect(wide.body.details).toEqual([expect.objectContaining({ field: 'to', rule: 'range' })]);

    expect(await jobTableCounts(w)).toEqual(before);
    const [row] = await w.sut.db.query('SELECT status, starts_at, notes, duration_minutes FROM jobs WHERE id = ?', [sut.id]);
    expect(row).toEqual({ status: 'not_scheduled', starts_at: null, notes: null, duration_minutes: 60 });
    // The task of the job's own account attaches.
    await call(w, 'post', `/api/jobs/${sut.id}/links`, { kind: 'task', targetId: Number(task.insertId) }).expect(201);
  });
});
