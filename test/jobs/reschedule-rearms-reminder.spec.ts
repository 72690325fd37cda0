import { account, call, job, jobsWorld, JobsWorld, jobType, technician, waitFor } from './jobs-world';

describe('a scheduled job moved closer', () => {
  let w: JobsWorld;
  beforeAll(async () => {
    w = await jobsWorld({ smtp: true, worker: true, isolated: true });
    await call(w, 'patch', '/api/job-settings', { reminderLeadMinutes: 1 }).expect(200);
  });
  afterAll(() => w.close());

  it('re-arms its reminder for the new time, confirms each time and reminds once', async () => {
    const tech = await technician(w);
    const other = await technician(w);
    const type = await jobType(w, { name: 'Repair visit' });
    const { accountId, email } = await account(w);
    const sut = await job(w, accountId, type.id);
    const far = new Date(Date.now() + 3 * 3600_000).toISOString();
    await call(w, 'post', `/api/jobs/${sut.id}/schedule`, { startsAt: far, technicianIds: [tech] }).expect(200);
    const handle = w.client.workflow.getHandle(`job/${sut.id}`);
    expect((await handle.describe()).status.name).toBe('RUNNING');

    // Dragged on the calendar to another technician, sooner: reminded fifteen seconds from now instead of in hours.
    const near = new Date(Date.now() + 75_000).toISOString();
    const moved = await call(w, 'post', `/api/jobs/${sut.id}/schedule`, { startsAt: near, technicianIds: [other] }).expect(200);
    expect(moved.body).toMatchObject({ startsAt: near, technicians: [expect.objectContaining({ id: other })] });

    const toSubscriber = () => w.peer!.accepted.filter((m) => m.to && !Array.isArray(m.to) && m.to.text.includes(email));
    await waitFor('the reminder', async () => toSubscriber().find((m) => m.subject?.startsWith('Reminder')));
    expect(await handle.result()).toEqual({ outcome: 'sent' });

    const emails: { subject: string; text: string }[] = await w.sut.db.query(
      "SELECT subject, body_text AS text FROM emails WHERE related_type = 'job' AND related_id = ? ORDER BY id",
      [sut.id],
    );
    expect(emails.map((e) => e.subject.split(' ')[0])).toEqual(['Your', 'Your', 'Reminder:']);
    const history = await handle.fetchHistory();
    const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes);
    expect(signals).toHaveLength(2);
    expect((history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes)).toHaveLength(1);
  });
});
