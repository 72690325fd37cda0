import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { accountWithContact, Api, as, countRows, TicketBody } from './ticket-world';

describe('tickets: merging keeps every message and link and points at the survivor; child tickets never loop', () => {
  let sut: TestApp;
  let api: Api;
  let accountId: number;
  let clerkId: number;

  beforeAll(async () => {
    sut = await createTestApp();
    const clerk = await sut.userWith([Permission.TicketsRead, Permission.TicketsWrite]);
    clerkId = clerk.id;
    api = as(sut, clerk.token);
    ({ accountId } = await accountWithContact(sut, 'Merge'));
  });
  afterAll(() => sut.close());

  const open = async (body: object = {}) =>
    (await api.post(`/api/accounts/${accountId}/tickets`, { subject: 'Outage', visibility: 'internal', ...body }).expect(201))
      .body as TicketBody;
  const comment = (id: number, bodyText: string) =>
    api.post(`/api/tickets/${id}/messages`, { kind: 'internal_comment', bodyText }).expect(201);
  const task = async (title: string) =>
    Number(
      (
        await sut.db.query('INSERT INTO account_tasks (account_id, title, created_by_user_id) VALUES (?, ?, ?)', [
          accountId,
          title,
          clerkId,
        ])
      ).insertId,
    );

  it('moves the messages (remembering where each was written), links once each, recipients and children', async () => {
    const source = await open({ subject: 'Internet down', visibility: 'public', recipients: [{ address: 'a@example.com' }] });
    const survivor = await open({ subject: 'Outage on Elm Street', visibility: 'public', recipients: [{ address: 'b@example.com' }] });
    const child = await open({ subject: 'Replace drop cable', parentTicketId: source.id });
    await comment(source.id, 'first on the source');
    await comment(survivor.id, 'first on the survivor');
    await comment(source.id, 'second on the source');
    const shared = await task('Check the splitter');
    const own = await task('Call back');
    await api.post(`/api/tickets/${source.id}/links`, { kind: 'task', targetId: shared }).expect(201);
    await api.post(`/api/tickets/${source.id}/links`, { kind: 'task', targetId: own }).expect(201);
    await api.post(`/api/tickets/${survivor.id}/links`, { kind: 'task', targetId: shared }).expect(201);

    const merged = (await api.post(`/api/tickets/${source.id}/merge`, { intoTicketId: survivor.id }).expect(200)).body as TicketBody;
    expect(merged.id).toBe(survivor.id);
    expect(merged.messages?.map((m) => [m.bodyText, m.writtenOnTicketId])).toEqual([
      ['first on the source', source.id],
      ['first on the survivor', survivor.id],
      ['second on the source', source.id],
    ]);
    expect(merged.links?.map((l) => [l.kind, l.targetId, l.label]).sort()).toEqual(
      [
        ['task', own, 'Call back'],
        ['task', shared, 'Check the splitter'],
      ].sort(),
    );
    expect(merged.recipients?.map((r) => r.address).sort()).toEqual(['a@example.com', 'b@example.com']);
    expect(merged.children?.map((c) => c.id)).toEqual([child.id]);
    expect(merged.mergedFrom?.map((m) => m.id)).toEqual([source.id]);

    const gone = (await api.get(`/api/tickets/${source.id}`).expect(200)).body as TicketBody;
    expect(gone).toMatchObject({ mergedIntoTicketId: survivor.id, statusKind: 'closed', messages: [], links: [] });
    await expect(countRows(sut, 'SELECT COUNT(*) AS n FROM ticket_messages WHERE written_on_ticket_id = ?', [source.id])).resolves.toBe(2);

    // Writing on the merged ticket lands on the survivor.
    await comment(source.id, 'late note');
    const after = (await api.get(`/api/tickets/${survivor.id}`).expect(200)).body as TicketBody;
    expect(after.messages?.at(-1)?.bodyText).toBe('late note');
  });

  it('refuses merging into itself, from or into a merged ticket, and into its own child', async () => {
    const a = await open();
    const b = await open();
    const self = await api.post(`/api/tickets/${a.id}/merge`, { intoTicketId: a.id }).expect(400);
    expect(self.body.details).toEqual([expect.objectContaining({ field: 'intoTicketId', rule: 'notSelf' })]);
    await api.post(`/api/tickets/${a.id}/merge`, { intoTicketId: b.id }).expect(200);
    const again = await api.post(`/api/tickets/${a.id}/merge`, { intoTicketId: b.id }).expect(409);
    expect(again.body.code).toBe('ticket_merged');
    const c = await open();
    const into = await api.post(`/api/tickets/${c.id}/merge`, { intoTicketId: a.id }).expect(409);
    expect(into.body.message).toMatch(new RegExp(`merged into ticket #${b.id}`));

    const parent = await open();
    const kid = await open({ parentTicketId: parent.id });
    const loop = await api.post(`/api/tickets/${parent.id}/merge`, { intoTicketId: kid.id }).expect(409);
    expect(loop.body.code).toBe('ticket_merge_cycle');
    const other = await accountWithContact(sut, 'Elsewhere');
    const foreign = (await api.post(`/api/accounts/${other.accountId}/tickets`, { subject: 'x', visibility: 'internal' }).expect(201)).body;
    await api.post(`/api/tickets/${parent.id}/merge`, { intoTicketId: foreign.id }).expect(409);
  });

  it('nests child tickets but never lets a ticket become its own ancestor', async () => {
    const top = await open({ subject: 'Street outage' });
    const middle = await open({ subject: 'Cabinet', parentTicketId: top.id });
    const leaf = await open({ subject: 'House', parentTicketId: middle.id });
    const topNow = (await api.get(`/api/tickets/${top.id}`).expect(200)).body as TicketBody;
    expect(topNow.linkCounts.childTickets).toBe(1);
    const loop = await api.patch(`/api/tickets/${top.id}`, { parentTicketId: leaf.id }).expect(409);
    expect(loop.body.code).toBe('ticket_parent_cycle');
    await api.patch(`/api/tickets/${top.id}`, { parentTicketId: top.id }).expect(409);
    const detached = (await api.patch(`/api/tickets/${leaf.id}`, { parentTicketId: null }).expect(200)).body as TicketBody;
    expect(detached.parentTicketId).toBeNull();
  });
});
