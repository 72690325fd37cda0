import { JobActivities } from '../../src/jobs/jobs.activities';
import { account, call, job, jobsWorld, JobsWorld, jobType, technician } from './jobs-world';

describe('a scheduled job cancelled before its reminder', () => {
  let w: JobsWorld;
  beforeAll(async () => {
    w = await jobsWorld({ smtp: true, worker: true, isolated: true });
    await call(w, 'patch', '/api/job-settings', { reminderLeadMinutes: 1 }).expect(200);
  });
  afterAll(() => w.close());

  it('ends its reminder without sending it', async () => {
    const tech = await technician(w);
    const type = await jobType(w);
    const { accountId, email } = await account(w);
    const sut = await job(w, accountId, type.id);
    const startsAt = new Date(Date.now() + 70_000);
    await call(w, 'post', `/api/jobs/${sut.id}/schedule`, { startsAt: startsAt.toISOString(), technicianIds: [tech] }).expect(200);
    const handle = w.client.workflow.getHandle(`job/${sut.id}`);
    expect((await handle.describe()).status.name).toBe('RUNNING');

    const cancelled = await call(w, 'post', `/api/jobs/${sut.id}/status`, { status: 'cancelled', reason: 'Subscriber moved away' }).expect(
      200,
    );
    expect(cancelled.body).toMatchObject({ status: 'cancelled', statusReason: 'Subscriber moved away', actions: [] });
    expect(await handle.result()).toEqual({ outcome: 'ended' });
    // The reconciliation leaves a cancelled job's reminder ended.
    expect((await call(w, 'post', '/api/jobs/reminders/reconcile').expect(200)).body).toEqual({ scheduledJobs: 0, armed: 0 });
    expect((await handle.describe()).status.name).toBe('COMPLETED');

    // Past the moment the reminder would have gone, and a little more.
    while (Date.now() < startsAt.getTime() - 60_000 + 5000) await new Promise((resolve) => setTimeout(resolve, 250));
    // Even an activity run left over from before the cancel sends nothing.
    expect(await w.sut.app.get(JobActivities).sendJobReminder({ jobId: sut.id, revision: 1 })).toEqual({ outcome: 'ended' });
    const subjects = (
      await w.sut.db.query("SELECT subject FROM emails WHERE related_type = 'job' AND related_id = ? ORDER BY id", [sut.id])
    ).map((r: { subject: string }) => r.subject.split(' ')[0]);
    expect(subjects).toEqual(['Your']);
    const delivered = w.peer!.accepted.filter((m) => m.to && !Array.isArray(m.to) && m.to.text.includes(email));
    expect(delivered.filter((m) => m.subject?.startsWith('Reminder'))).toEqual([]);
  });
});
