import { WorkflowNotFoundError } from '@temporalio/common';
import { account, call, job, jobsWorld, JobsWorld, jobType, technician, waitFor } from './jobs-world';

describe('a job booked while Temporal could not take its reminder', () => {
  let w: JobsWorld;
  beforeAll(async () => {
    // A database of its own: the lead time is the instance's, and the reconciliation looks at every job booked ahead.
    w = await jobsWorld({ smtp: true, worker: true, isolated: true });
    // Three hours' lead for a visit two hours ahead: the reminder is due as soon as it is armed.
    await call(w, 'patch', '/api/job-settings', { reminderLeadMinutes: 180 }).expect(200);
  });
  afterAll(() => w.close());

  it('stays booked, has its reminder armed by the reconciliation, and is reminded once however often that runs', async () => {
    const peer = w.peer!;
    const tech = await technician(w);
    const type = await jobType(w, { name: 'Installation' });
    const { accountId, email } = await account(w);
    const sut = await job(w, accountId, type.id);
    const startsAt = new Date(Math.ceil((Date.now() + 2 * 3600_000) / 60_000) * 60_000).toISOString();

    // Temporal refuses the reminder's start, as when it cannot be reached.
    const away = jest
      .spyOn(w.client.workflow, 'signalWithStart')
      .mockRejectedValue(new Error('14 UNAVAILABLE: No connection established to 127.0.0.1:7233'));
    try {
      const booked = await call(w, 'post', `/api/jobs/${sut.id}/schedule`, { startsAt, technicianIds: [tech] }).expect(200);
      expect(booked.body).toMatchObject({ status: 'scheduled', startsAt });
      expect(away).toHaveBeenCalledTimes(1);
    } finally {
      away.mockRestore();
    }
    const [row] = await w.sut.db.query('SELECT status, schedule_revision FROM jobs WHERE id = ?', [sut.id]);
    expect(row).toEqual({ status: 'scheduled', schedule_revision: 1 });
    const handle = w.client.workflow.getHandle(`job/${sut.id}`);
    await expect(handle.describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

    const toSubscriber = () => peer.accepted.filter((m) => m.to && !Array.isArray(m.to) && m.to.text.includes(email));
    // The confirmation does not depend on the reminder.
    await waitFor('the confirmation', async () => toSubscriber().find((m) => m.subject?.startsWith('Your Installation visit is booked')));
    expect(toSubscriber().filter((m) => m.subject?.startsWith('Reminder'))).toEqual([]);

    const first = await call(w, 'post', '/api/jobs/reminders/reconcile').expect(200);
    expect(first.body).toEqual({ scheduledJobs: 1, armed: 1 });
    const armed = await handle.describe();
    expect(armed.memo).toMatchObject({ revision: 1 });
    expect(armed.searchAttributes.AccountId).toEqual([accountId]);

    const reminder = await waitFor('the reminder', async () =>
      toSubscriber().find((m) => m.subject?.startsWith('Reminder: your Installation visit')),
    );
    expect(reminder.text).toContain(`job #${sut.id}`);
    expect(await handle.result()).toEqual({ outcome: 'sent' });

    // Its reminder went out, so asking again arms nothing, however often.
    for (let pass = 0; pass < 3; pass += 1) {
      expect((await call(w, 'post', '/api/jobs/reminders/reconcile').expect(200)).body).toEqual({ scheduledJobs: 1, armed: 0 });
    }
    expect((await handle.describe()).runId).toBe(armed.runId);
    const [{ n }] = await w.sut.db.query(
      "SELECT COUNT(*) AS n FROM emails WHERE related_type = 'job' AND related_id = ? AND subject LIKE 'Reminder%'",
      [sut.id],
    );
    expect(Number(n)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(toSubscriber().map((m) => m.subject?.split(' ')[0])).toEqual(['Your', 'Reminder:']);
  });

  it('is refused to a clerk who may not configure jobs', async () => {
    const clerk = await w.sut.userWith([]);
    const res = await w.sut.http().post('/api/jobs/reminders/reconcile').set('Authorization', `Bearer ${clerk.token}`);
    expect(res.status).toBe(403);
  });
});
