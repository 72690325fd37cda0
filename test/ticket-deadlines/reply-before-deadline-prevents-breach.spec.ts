import { DeadlinesWorld, eventually, sleep } from './deadlines-world';

describe('a public reply before the first-response deadline', () => {
  let w: DeadlinesWorld;

  beforeAll(async () => {
    w = await DeadlinesWorld.start();
  });
  afterAll(async () => {
    await w.close();
  });

  it('meets the target, so its timer never fires, while an unanswered twin is breached', async () => {
    const clerk = await w.staff();
    const groupId = await w.group([clerk]);
    await w.ok('post', '/api/ticket-deadline-targets', { groupId, priority: 'high', firstResponseSeconds: 5, raisePriorityOnBreach: true });
    const accountId = await w.account();
    const answered = await w.openTicket(accountId, { groupId, assigneeUserId: clerk.id, priority: 'high' });
    const unanswered = await w.openTicket(accountId, { groupId, assigneeUserId: clerk.id, priority: 'high' });
    const due = await w.ok('get', `/api/tickets/${answered}/deadlines`);
    expect(due.firstResponseDueAt).not.toBeNull();

    await w.ok('post', `/api/tickets/${answered}/messages`, { kind: 'public_reply', bodyText: 'We are looking into it.' });
    // The timer hears of the reply and has nothing left to wait for.
    await eventually('the deadline cleared', async () => {
      const state = await w.ok('get', `/api/tickets/${answered}/deadlines`);
      return state.firstResponseDueAt === null ? state : undefined;
    });

    await eventually('the unanswered ticket breached', async () => ((await w.breaches(unanswered)).length ? true : undefined));
    await sleep(Math.max(0, Date.parse(due.firstResponseDueAt as string) + 3000 - Date.now()));
    expect(await w.breaches(answered)).toEqual([]);
    expect(await w.priority(answered)).toBe('high');
    expect(await w.priority(unanswered)).toBe('critical');
    expect(w.noticesOf(answered)).toEqual([]);
    await eventually('the notice of the unanswered one', async () => (w.noticesOf(unanswered).length === 1 ? true : undefined));
    const tasks = await w.tasksOf(accountId);
    expect(tasks.map((t) => t.title)).toEqual([`Ticket ${unanswered} missed its first-response target`]);
  });
});
