import { account, call, daysAhead, job, jobsWorld, JobsWorld, jobType, technician } from './jobs-world';

describe("actions a job's status does not allow", () => {
  let w: JobsWorld;
  let type: { id: number };
  let accountId: number;
  let tech: number;
  beforeAll(async () => {
    w = await jobsWorld();
    type = await jobType(w);
    ({ accountId } = await account(w));
    tech = await technician(w);
  });
  afterAll(() => w.close());

  const refused = async (method: 'post' | 'patch' | 'delete', path: string, body: object | undefined, message: string) => {
    const res = await call(w, method, path, body).expect(409);
    expect(res.body).toMatchObject({ code: 'job_status_forbids', message });
  };

  it('offers schedule, edit and delete on a job not yet scheduled, and refuses what needs a booking', async () => {
    const sut = await job(w, accountId, type.id);
    expect(sut.actions).toEqual(['schedule', 'edit', 'delete', 'cancel', 'link']);
    await refused(
      'post',
      `/api/jobs/${sut.id}/status`,
      { status: 'en_route' },
      'This job is not scheduled, so it cannot be marked en route',
    );
    await refused('post', `/api/jobs/${sut.id}/status`, { status: 'completed' }, 'This job is not scheduled, so it cannot be completed');
    await refused('post', `/api/jobs/${sut.id}/unschedule`, undefined, 'This job is not scheduled, so it cannot be taken off the calendar');
  });

  it('keeps a scheduled job from being deleted, and an en-route one from being edited or moved', async () => {
    const sut = await job(w, accountId, type.id);
    const startsAt = daysAhead(25).toISOString();
    const scheduled = await call(w, 'post', `/api/jobs/${sut.id}/schedule`, { startsAt, technicianIds: [tech] }).expect(200);
    expect(scheduled.body.actions).toEqual(['schedule', 'unschedule', 'edit', 'en_route', 'complete', 'fail', 'cancel', 'link']);
    await refused('delete', `/api/jobs/${sut.id}`, undefined, 'This job is scheduled, so it cannot be deleted');

    await call(w, 'post', `/api/jobs/${sut.id}/status`, { status: 'en_route' }).expect(200);
    await refused('patch', `/api/jobs/${sut.id}`, { notes: 'Gate code 1234' }, 'This job is en route, so it cannot be edited');
    await refused(
      'post',
      `/api/jobs/${sut.id}/schedule`,
      { startsAt, technicianIds: [tech] },
      'This job is en route, so it cannot be scheduled',
    );
  });

  it('lets a failed job be scheduled again, and nothing but viewing once completed or cancelled', async () => {
    const sut = await job(w, accountId, type.id);
    await call(w, 'post', `/api/jobs/${sut.id}/schedule`, { startsAt: daysAhead(26).toISOString(), technicianIds: [tech] }).expect(200);
    const failed = await call(w, 'post', `/api/jobs/${sut.id}/status`, { status: 'failed', reason: 'Nobody home' }).expect(200);
    expect(failed.body).toMatchObject({ status: 'failed', statusReason: 'Nobody home', actions: ['schedule', 'cancel'] });
    // A failed job frees its technician for that time.
    const other = await job(w, accountId, type.id);
    await call(w, 'post', `/api/jobs/${other.id}/schedule`, { startsAt: daysAhead(26).toISOString(), technicianIds: [tech] }).expect(200);
    await call(w, 'post', `/api/jobs/${sut.id}/schedule`, { startsAt: daysAhead(27).toISOString(), technicianIds: [tech] }).expect(200);
    await call(w, 'post', `/api/jobs/${sut.id}/status`, { status: 'completed' }).expect(200);

    const viewOnly = 'This job is completed, so it can only be viewed';
    await refused('patch', `/api/jobs/${sut.id}`, { notes: 'x' }, viewOnly);
    await refused('delete', `/api/jobs/${sut.id}`, undefined, viewOnly);
    await refused('post', `/api/jobs/${sut.id}/schedule`, { startsAt: daysAhead(28).toISOString(), technicianIds: [tech] }, viewOnly);
    await refused('post', `/api/jobs/${sut.id}/status`, { status: 'cancelled' }, viewOnly);
    await refused('post', `/api/jobs/${sut.id}/links`, { kind: 'task', targetId: 1 }, viewOnly);
    await call(w, 'get', `/api/jobs/${sut.id}`).expect(200);

    await call(w, 'post', `/api/jobs/${other.id}/status`, { status: 'cancelled' }).expect(200);
    await refused('post', `/api/jobs/${other.id}/status`, { status: 'en_route' }, 'This job is cancelled, so it can only be viewed');
  });

  it('answers 400 for a status the route does not move to, and 404 for a job that does not exist', async () => {
    const sut = await job(w, accountId, type.id);
    const res = await call(w, 'post', `/api/jobs/${sut.id}/status`, { status: 'scheduled' }).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'status', rule: 'isIn' })]);
    await call(w, 'post', '/api/jobs/99999999/status', { status: 'cancelled' }).expect(404);
  });
});
