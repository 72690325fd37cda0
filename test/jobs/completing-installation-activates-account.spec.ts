import { account, activeStatus, call, daysAhead, job, jobsWorld, JobsWorld, jobType, technician } from './jobs-world';

describe('completing a job of an installation type', () => {
  let w: JobsWorld;
  beforeAll(async () => {
    w = await jobsWorld();
  });
  afterAll(() => w.close());

  it("moves the waiting account to the type's active status, once, in the same change", async () => {
    const active = await activeStatus(w);
    const type = await jobType(w, { completionAction: 'activate_account', activationStatusId: active });
    const tech = await technician(w);
    const { accountId, statusId } = await account(w);
    const sut = await job(w, accountId, type.id);
    await call(w, 'post', `/api/jobs/${sut.id}/schedule`, { startsAt: daysAhead(20).toISOString(), technicianIds: [tech] }).expect(200);
    await call(w, 'post', `/api/jobs/${sut.id}/status`, { status: 'en_route' }).expect(200);

    const done = await call(w, 'post', `/api/jobs/${sut.id}/status`, { status: 'completed' }).expect(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      actions: [],
      completionResult: { completionAction: 'activate_account', accountStatusId: active, previousStatusId: statusId, activated: true },
    });
    expect(Date.parse(done.body.completedAt)).not.toBeNaN();
    const [acct] = await w.sut.db.query('SELECT account_status_id, activated_at FROM accounts WHERE id = ?', [accountId]);
    expect(Number(acct.account_status_id)).toBe(active);
    expect(acct.activated_at).not.toBeNull();

    // Completed is final: a second completion is refused and changes nothing.
    const again = await call(w, 'post', `/api/jobs/${sut.id}/status`, { status: 'completed' }).expect(409);
    expect(again.body).toMatchObject({ code: 'job_status_forbids', message: 'This job is completed, so it can only be viewed' });
    const entries = await w.sut.db.query(
      "SELECT action, entity_type FROM action_history WHERE account_id = ? AND (entity_type = 'account' OR action = 'job.completed') ORDER BY id",
      [accountId],
    );
    expect(entries).toEqual([
      { action: 'update', entity_type: 'account' },
      { action: 'job.completed', entity_type: 'job' },
    ]);
  });

  it('leaves an account that is already active as it is', async () => {
    const active = await activeStatus(w);
    const type = await jobType(w, { completionAction: 'activate_account', activationStatusId: active });
    const { accountId, statusId } = await account(w, { active: true });
    const sut = await job(w, accountId, type.id);
    const tech = await technician(w);
    await call(w, 'post', `/api/jobs/${sut.id}/schedule`, { startsAt: daysAhead(21).toISOString(), technicianIds: [tech] }).expect(200);
    const done = await call(w, 'post', `/api/jobs/${sut.id}/status`, { status: 'completed' }).expect(200);
    expect(done.body.completionResult).toEqual({ completionAction: 'activate_account', accountStatusId: statusId, unchanged: true });
    const [acct] = await w.sut.db.query('SELECT account_status_id FROM accounts WHERE id = ?', [accountId]);
    expect(Number(acct.account_status_id)).toBe(statusId);
  });

  it('does nothing to the account for a type without a completion action', async () => {
    const type = await jobType(w);
    const { accountId, statusId } = await account(w);
    const sut = await job(w, accountId, type.id);
    const tech = await technician(w);
    await call(w, 'post', `/api/jobs/${sut.id}/schedule`, { startsAt: daysAhead(22).toISOString(), technicianIds: [tech] }).expect(200);
    const done = await call(w, 'post', `/api/jobs/${sut.id}/status`, { status: 'completed' }).expect(200);
    expect(done.body.completionResult).toBeNull();
    const [acct] = await w.sut.db.query('SELECT account_status_id FROM accounts WHERE id = ?', [accountId]);
    expect(Number(acct.account_status_id)).toBe(statusId);
  });
});
