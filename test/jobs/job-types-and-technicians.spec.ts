import { account, activeStatus, call, job, jobsWorld, JobsWorld, jobType, technician } from './jobs-world';

describe('job types and technicians', () => {
  let w: JobsWorld;
  beforeAll(async () => {
    w = await jobsWorld();
  });
  afterAll(() => w.close());

  it('keeps a type with its completion action, and refuses to delete one in use', async () => {
    const active = await activeStatus(w);
    const sut = await jobType(w, {
      defaultDurationMinutes: 120,
      color: '#123456',
      completionAction: 'activate_account',
      activationStatusId: active,
    });
    expect(sut).toMatchObject({
      defaultDurationMinutes: 120,
      color: '#123456',
      completionAction: 'activate_account',
      activationStatusId: active,
      jobCount: 0,
    });

    const { accountId } = await account(w);
    const made = await job(w, accountId, sut.id);
    expect(made).toMatchObject({ durationMinutes: 120, status: 'not_scheduled', jobTypeName: sut.name });

    const refused = await call(w, 'delete', `/api/job-types/${sut.id}`).expect(409);
    expect(refused.body).toMatchObject({ code: 'job_type_in_use' });
    expect(refused.body.message).toContain('used by 1 job');

    await call(w, 'delete', `/api/jobs/${made.id}`).expect(200);
    await call(w, 'delete', `/api/job-types/${sut.id}`).expect(200);
    await call(w, 'get', `/api/job-types/${sut.id}`).expect(404);
  });

  it('refuses an activation status that does not count as active, and a duplicate name', async () => {
    const { statusId } = await account(w);
    const res = await call(w, 'post', '/api/job-types', {
      name: `Install ${Date.now()}`,
      defaultDurationMinutes: 90,
      completionAction: 'activate_account',
      activationStatusId: statusId,
    }).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'activationStatusId', rule: 'countsAsActive' })]);

    const first = await jobType(w);
    const dup = await call(w, 'post', '/api/job-types', { name: first.name, defaultDurationMinutes: 30 }).expect(409);
    expect(dup.body).toMatchObject({ code: 'job_type_name_taken' });
    const missing = await call(w, 'post', '/api/job-types', {
      name: 'No status',
      defaultDurationMinutes: 30,
      completionAction: 'activate_account',
    }).expect(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ field: 'activationStatusId', rule: 'required' })]);
  });

  it('makes staff users bookable, once, and keeps a booked technician from being removed', async () => {
    const id = await technician(w);
    const again = await call(w, 'post', '/api/technicians', { userId: id }).expect(409);
    expect(again.body).toMatchObject({ code: 'technician_exists' });
    const listed = await call(w, 'get', `/api/technicians?filter=${encodeURIComponent(JSON.stringify({ id: [id] }))}`).expect(200);
    expect(listed.headers['content-range']).toBe('technicians 0-0/1');
    expect(listed.body[0]).toMatchObject({ id, userId: id, active: true, userActive: true });

    const { accountId } = await account(w);
    const type = await jobType(w);
    const booked = await job(w, accountId, type.id);
    const at = new Date(Date.now() + 40 * 24 * 3600_000).toISOString();
    await call(w, 'post', `/api/jobs/${booked.id}/schedule`, { startsAt: at, technicianIds: [id] }).expect(200);
    const removal = await call(w, 'delete', `/api/technicians/${id}`).expect(409);
    expect(removal.body).toMatchObject({ code: 'technician_in_use' });

    await call(w, 'patch', `/api/technicians/${id}`, { active: false }).expect(200);
    const other = await job(w, accountId, type.id);
    const refused = await call(w, 'post', `/api/jobs/${other.id}/schedule`, { startsAt: at, technicianIds: [id] }).expect(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'technicianIds', rule: 'bookable' })]);

    const unbooked = await technician(w);
    await call(w, 'delete', `/api/technicians/${unbooked}`).expect(200);
  });

  it('keeps the reminder lead time', async () => {
    const before = (await call(w, 'get', '/api/job-settings').expect(200)).body;
    expect(before.reminderLeadMinutes).toBeGreaterThan(0);
    const bad = await call(w, 'patch', '/api/job-settings', { reminderLeadMinutes: 0 }).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'reminderLeadMinutes', rule: 'min' })]);
    await call(w, 'patch', '/api/job-settings', { reminderLeadMinutes: before.reminderLeadMinutes }).expect(200);
  });
});
