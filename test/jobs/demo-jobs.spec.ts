import { generateDemoAccounts } from '../../src/demo/accounts-demo';
import { generateJobsDemo } from '../../src/demo/jobs-demo';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

describe('the demo jobs', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await createIsolatedTestApp();
  });
  afterAll(() => sut?.close());

  it('books a week of jobs on three technicians without a clash, one of them completed and one cancelled', async () => {
    const admin = await sut.admin();
    const accounts = await generateDemoAccounts(sut.db, 40);
    await generateJobsDemo(sut.app, admin.id, accounts.firstAccountId);

    const statuses: { status: string; n: number }[] = await sut.db.query(
      'SELECT status, COUNT(*) AS n FROM jobs GROUP BY status ORDER BY status',
    );
    expect(Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]))).toEqual({
      not_scheduled: 2,
      scheduled: 8,
      en_route: 1,
      completed: 1,
      cancelled: 1,
    });
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM technicians');
    expect(Number(n)).toBe(3);
    const types = await sut.db.query('SELECT name, completion_action FROM job_types ORDER BY name');
    expect(types).toEqual([
      { name: 'Installation', completion_action: 'activate_account' },
      { name: 'Repair', completion_action: 'none' },
      { name: 'Site survey', completion_action: 'none' },
    ]);
  });
});
