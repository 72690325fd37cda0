import { JobNotices } from '../../src/jobs/job-notices';
import { account, call, daysAhead, job, JobBody, jobsWorld, JobsWorld, jobType, technician } from './jobs-world';

describe('twenty concurrent bookings of one technician in overlapping slots', () => {
  let w: JobsWorld;
  beforeAll(async () => {
    w = await jobsWorld();
  });
  afterAll(() => w.close());

  it('lets exactly one booking per slot through and names the winner to every other', async () => {
    const tech = await technician(w);
    const type = await jobType(w, { defaultDurationMinutes: 60 });
    const day = daysAhead(30, 8);
    // Four slots two hours apart; five bookings per slot, ten minutes apart, each an hour long: every two in a slot overlap.
    const attempts: { slot: number; job: JobBody; startsAt: string }[] = [];
    for (let slot = 0; slot < 4; slot++) {
      for (let i = 0; i < 5; i++) {
        const { accountId } = await account(w);
        const startsAt = new Date(day.getTime() + slot * 2 * 3600_000 + i * 10 * 60_000).toISOString();
        attempts.push({ slot, job: await job(w, accountId, type.id), startsAt });
      }
    }

    const answers = await Promise.all(
      attempts.map((a) => call(w, 'post', `/api/jobs/${a.job.id}/schedule`, { startsAt: a.startsAt, technicianIds: [tech] })),
    );

    for (let slot = 0; slot < 4; slot++) {
      const inSlot = attempts.map((a, i) => ({ ...a, res: answers[i] })).filter((a) => a.slot === slot);
      const won = inSlot.filter((a) => a.res.status === 200);
      expect(won).toHaveLength(1);
      const winner = won[0];
      expect(winner.res.body).toMatchObject({
        status: 'scheduled',
        startsAt: winner.startsAt,
        technicians: [expect.objectContaining({ id: tech })],
      });
      const lost = inSlot.filter((a) => a !== winner);
      expect(lost.map((a) => a.res.status)).toEqual([409, 409, 409, 409]);
      for (const loser of lost) {
        expect(loser.res.body.code).toBe('technician_double_booked');
        // The clash is named: the job, its type, its account and its time.
        expect(loser.res.body.message).toContain(`job #${winner.job.id} (${type.name}, account #${winner.job.accountId} `);
        // In the instance's time zone, as a clerk reads it.
        const start = new Date(winner.startsAt);
        const end = new Date(start.getTime() + 3600_000);
        expect(loser.res.body.message).toContain(`${w.sut.app.get(JobNotices).span(start, end)}.`);
        expect(loser.res.body.message).toMatch(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2} .+ to \d{2}:\d{2}\.$/);
        expect(loser.res.body.details).toEqual([expect.objectContaining({ field: 'technicianIds', rule: 'available' })]);
      }
      for (const loser of lost) {
        const [row] = await w.sut.db.query('SELECT status, starts_at FROM jobs WHERE id = ?', [loser.job.id]);
        expect(row).toEqual({ status: 'not_scheduled', starts_at: null });
      }
    }
    const [{ n }] = await w.sut.db.query('SELECT COUNT(*) AS n FROM job_technicians WHERE technician_user_id = ?', [tech]);
    expect(Number(n)).toBe(4);
  });

  it('books a visit that starts exactly when another ends, and refuses one a minute earlier', async () => {
    const tech = await technician(w);
    const type = await jobType(w, { defaultDurationMinutes: 60 });
    const { accountId } = await account(w);
    const start = daysAhead(31, 9);
    const first = await job(w, accountId, type.id);
    await call(w, 'post', `/api/jobs/${first.id}/schedule`, { startsAt: start.toISOString(), technicianIds: [tech] }).expect(200);

    const second = await job(w, accountId, type.id);
    const early = new Date(start.getTime() + 59 * 60_000).toISOString();
    const clash = await call(w, 'post', `/api/jobs/${second.id}/schedule`, { startsAt: early, technicianIds: [tech] }).expect(409);
    expect(clash.body.message).toContain(`job #${first.id}`);
    const adjoining = new Date(start.getTime() + 60 * 60_000).toISOString();
    await call(w, 'post', `/api/jobs/${second.id}/schedule`, { startsAt: adjoining, technicianIds: [tech] }).expect(200);
  });
});
