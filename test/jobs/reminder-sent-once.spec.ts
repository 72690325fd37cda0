import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { JobActivities } from '../../src/jobs/jobs.activities';
import { account, call, job, jobsWorld, JobsWorld, jobType, technician, waitFor } from './jobs-world';

describe('a job scheduled just beyond the reminder lead time', () => {
  let w: JobsWorld;
  beforeAll(async () => {
    // A database of its own: the lead time is the instance's, and a minute here would shorten every other test's.
    w = await jobsWorld({ smtp: true, worker: true, isolated: true });
    await call(w, 'patch', '/api/job-settings', { reminderLeadMinutes: 1 }).expect(200);
  });
  afterAll(() => w.close());

  it('confirms at once, reminds once when the lead time is reached, and not again when the activity repeats', async () => {
    const peer = w.peer!;
    const tech = await technician(w);
    const type = await jobType(w, { name: 'Installation' });
    const { accountId, email } = await account(w);
    const sut = await job(w, accountId, type.id);
    // Reminded a minute before: fifteen seconds from now.
    const startsAt = new Date(Date.now() + 75_000).toISOString();
    await call(w, 'post', `/api/jobs/${sut.id}/schedule`, { startsAt, technicianIds: [tech] }).expect(200);

    const toSubscriber = () => peer.accepted.filter((m) => m.to && !Array.isArray(m.to) && m.to.text.includes(email));
    const confirmation = await waitFor('the confirmation', async () =>
      toSubscriber().find((m) => m.subject?.startsWith('Your Installation visit is booked')),
    );
    expect(confirmation.text).toContain(`job #${sut.id}`);
    expect(toSubscriber().filter((m) => m.subject?.startsWith('Reminder'))).toEqual([]);

    const handle = w.client.workflow.getHandle(`job/${sut.id}`);
    const running = await handle.describe();
    expect(running.status.name).toBe('RUNNING');
    expect(running.searchAttributes.AccountId).toEqual([accountId]);

    const reminder = await waitFor('the reminder', async () =>
      toSubscriber().find((m) => m.subject?.startsWith('Reminder: your Installation visit')),
    );
    expect(reminder.text).toContain(`job #${sut.id}`);
    expect(await handle.result()).toEqual({ outcome: 'sent' });
    // Sent no earlier than a minute before the start.
    const [sent] = await w.sut.db.query(
      "SELECT created_at FROM emails WHERE related_type = 'job' AND related_id = ? AND subject LIKE 'Reminder%'",
      [sut.id],
    );
    expect((sent.created_at as Date).getTime()).toBeGreaterThanOrEqual(Date.parse(startsAt) - 60_000 - 1000);

    // The activity retried or replayed: it answers as before and queues nothing more.
    const repeated = await w.sut.app.get(JobActivities).sendJobReminder({ jobId: sut.id, revision: 1 });
    expect(repeated).toEqual({ outcome: 'sent' });
    const [{ n }] = await w.sut.db.query(
      "SELECT COUNT(*) AS n FROM emails WHERE related_type = 'job' AND related_id = ? AND subject LIKE 'Reminder%'",
      [sut.id],
    );
    expect(Number(n)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(toSubscriber().map((m) => m.subject?.split(' ')[0])).toEqual(['Your', 'Reminder:']);

    const history = await handle.fetchHistory();
    expect((history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes)).toHaveLength(1);
    if (process.env.RECORD_HISTORIES) {
      writeFileSync(join(__dirname, '../workflows/histories/job-reminder-sent-once.json'), historyToJSON(history));
    }
  });
});
