import { account, call, daysAhead, job, jobsWorld, JobsWorld, jobType, technician } from './jobs-world';

const q = (filter: object, extra = '') => `?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;

describe("the account's Jobs tab, the jobs list and the dispatch calendar", () => {
  let w: JobsWorld;
  beforeAll(async () => {
    w = await jobsWorld();
  });
  afterAll(() => w.close());

  it('filters, sorts and counts what the Jobs tab shows, and feeds the calendar by technician', async () => {
    const install = await jobType(w, { defaultDurationMinutes: 120 });
    const repair = await jobType(w, { defaultDurationMinutes: 45 });
    const sam = await technician(w);
    const kim = await technician(w);
    const { accountId } = await account(w);
    const day = daysAhead(35, 8);
    const at = (hours: number) => new Date(day.getTime() + hours * 3600_000).toISOString();

    const first = await job(w, accountId, install.id, { notes: 'Ladder needed' });
    await call(w, 'post', `/api/jobs/${first.id}/schedule`, { startsAt: at(0), technicianIds: [sam, kim] }).expect(200);
    const second = await job(w, accountId, repair.id);
    await call(w, 'post', `/api/jobs/${second.id}/schedule`, { startsAt: at(3), technicianIds: [kim] }).expect(200);
    const waiting = await job(w, accountId, repair.id);
    const task = await w.sut.db.query(
      "INSERT INTO account_tasks (account_id, title, created_by_user_id) VALUES (?, 'Bring spare router', ?)",
      [accountId, sam],
    );
    await call(w, 'post', `/api/jobs/${waiting.id}/links`, { kind: 'task', targetId: Number(task.insertId) }).expect(201);
    // Linking twice is harmless.
    await call(w, 'post', `/api/jobs/${waiting.id}/links`, { kind: 'task', targetId: Number(task.insertId) }).expect(201);

    const all = await call(w, 'get', `/api/accounts/${accountId}/jobs`).expect(200);
    expect(all.headers['content-range']).toBe('jobs 0-2/3');
    // Newest start first, with the jobs still to plan on top.
    expect(all.body.map((j: { id: number }) => j.id)).toEqual([waiting.id, second.id, first.id]);
    expect(all.body[0]).toMatchObject({
      status: 'not_scheduled',
      startsAt: null,
      taskCount: 1,
      fileCount: 0,
      hasNotes: false,
      ticketId: null,
    });
    expect(all.body[2]).toMatchObject({
      jobTypeName: expect.any(String),
      durationMinutes: 120,
      startsAt: at(0),
      endsAt: at(2),
      hasNotes: true,
      technicians: expect.arrayContaining([expect.objectContaining({ id: sam }), expect.objectContaining({ id: kim })]),
    });

    const ids = async (path: string) => (await call(w, 'get', path).expect(200)).body.map((j: { id: number }) => j.id);
    expect(await ids(`/api/accounts/${accountId}/jobs${q({ status: 'scheduled' }, '&sort=["startsAt","ASC"]')}`)).toEqual([
      first.id,
      second.id,
    ]);
    expect(await ids(`/api/accounts/${accountId}/jobs${q({ jobTypeId: [repair.id] }, '&sort=["id","ASC"]')}`)).toEqual([
      second.id,
      waiting.id,
    ]);
    expect(await ids(`/api/jobs${q({ technicianId: sam })}`)).toEqual([first.id]);
    expect(await ids(`/api/jobs${q({ accountId, scheduledFrom: at(1), scheduledTo: at(4) })}`)).toEqual([second.id]);
    expect(await ids(`/api/jobs${q({ accountId, q: 'ladder' })}`)).toEqual([first.id]);
    expect(await ids(`/api/jobs${q({ q: String(second.id), accountId })}`)).toEqual([second.id]);
    const page = await call(w, 'get', `/api/accounts/${accountId}/jobs?range=[1,1]&sort=["id","ASC"]`).expect(200);
    expect(page.headers['content-range']).toBe('jobs 1-1/3');

    const file = await w.sut.db.query(
      `INSERT INTO account_files (account_id, name, storage_key, size_bytes, mime_type, uploaded_by_user_id)
       VALUES (?, 'site-plan.pdf', UUID(), 1024, 'application/pdf', ?)`,
      [accountId, sam],
    );
    const withFile = await call(w, 'post', `/api/jobs/${waiting.id}/links`, { kind: 'file', targetId: Number(file.insertId) }).expect(201);
    expect(withFile.body).toMatchObject({ taskCount: 1, fileCount: 1 });
    const detail = (await call(w, 'get', `/api/jobs/${waiting.id}`).expect(200)).body;
    expect(detail.links).toEqual([
      { kind: 'task', targetId: Number(task.insertId), title: 'Bring spare router' },
      { kind: 'file', targetId: Number(file.insertId), title: 'site-plan.pdf' },
    ]);
    const detached = await call(w, 'delete', `/api/jobs/${waiting.id}/links/file/${Number(file.insertId)}`).expect(200);
    expect(detached.body).toMatchObject({ taskCount: 1, fileCount: 0 });

    const calendar = (await call(w, 'get', `/api/jobs/calendar?from=${day.toISOString()}&to=${at(24)}`).expect(200)).body;
    const ours = calendar.bookings.filter((b: { accountId: number }) => b.accountId === accountId);
    expect(ours.map((b: { jobId: number; technicianId: number }) => [b.jobId, b.technicianId])).toEqual([
      [first.id, Math.min(sam, kim)],
      [first.id, Math.max(sam, kim)],
      [second.id, kim],
    ]);
    expect(ours[2]).toMatchObject({
      startsAt: at(3),
      endsAt: at(3.75),
      status: 'scheduled',
      jobTypeName: repair.name,
      technicianIds: [kim],
    });
    expect(calendar.technicians.map((t: { id: number }) => t.id)).toEqual(expect.arrayContaining([sam, kim]));

    const samOnly = (await call(w, 'get', `/api/jobs/calendar?from=${day.toISOString()}&to=${at(24)}&technicianId=${sam}`).expect(200))
      .body;
    expect(samOnly.bookings.map((b: { jobId: number }) => b.jobId)).toEqual([first.id]);
    expect(samOnly.technicians.map((t: { id: number }) => t.id)).toEqual([sam]);
  });
});
