import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { accountWithContact, Api, as, auditEntries, listFilter, newRequestId, TicketBody } from './ticket-world';

describe('tickets: opening, listing with filters and sorting, editing and assigning', () => {
  let sut: TestApp;
  let api: Api;
  let clerk: { id: number; token: string };
  let agent: { id: number };
  let accountId: number;
  let contactAddress: string;
  let groupId: number;

  beforeAll(async () => {
    sut = await createTestApp();
    clerk = await sut.userWith([Permission.TicketsRead, Permission.TicketsWrite, Permission.TicketsConfigure]);
    agent = await sut.userWith([Permission.TicketsRead]);
    api = as(sut, clerk.token);
    ({ accountId, address: contactAddress } = await accountWithContact(sut));
    groupId = (
      await api
        .post('/api/ticket-groups', {
          name: `Support ${accountId}`,
          inboundAddress: `Support-${accountId}@Example.net`,
          memberUserIds: [agent.id],
        })
        .expect(201)
    ).body.id;
  });
  afterAll(() => sut.close());

  const open = async (body: object) => (await api.post(`/api/accounts/${accountId}/tickets`, body).expect(201)).body as TicketBody;

  it('opens a public ticket on the account with its primary contact as recipient, in the default status, audited', async () => {
    const requestId = newRequestId('ticket-open');
    const res = await api
      .post(`/api/accounts/${accountId}/tickets`, {
        subject: 'No internet since the storm',
        visibility: 'public',
        groupId,
        priority: 'high',
      })
      .set('X-Request-Id', requestId)
      .expect(201);
    const ticket = res.body as TicketBody;
    expect(ticket).toMatchObject({
      accountId,
      subject: 'No internet since the storm',
      statusName: 'New',
      statusKind: 'open',
      priority: 'high',
      groupId,
      visibility: 'public',
      source: 'staff',
      assigneeUserId: null,
      overdue: false,
      linkCounts: { tasks: 0, files: 0, jobs: 0, inventoryItems: 0, childTickets: 0 },
      messages: [],
    });
    expect(ticket.recipients?.map((r) => r.address)).toEqual([contactAddress]);
    await expect(auditEntries(sut, requestId)).resolves.toEqual([
      { accountId, actorUserId: clerk.id, action: 'ticket.create', entityType: 'ticket' },
    ]);
    const group = (await api.get(`/api/ticket-groups/${groupId}`).expect(200)).body;
    expect(group).toMatchObject({ inboundAddress: `support-${accountId}@example.net`, members: [{ userId: agent.id }], ticketCount: 1 });
  });

  it('filters the account list by status kind, priority, assignee, unassigned and overdue, and sorts it', async () => {
    const late = await open({ subject: 'B late one', visibility: 'internal', dueDate: '2001-01-01', priority: 'low' });
    const assigned = await open({ subject: 'A assigned', visibility: 'internal', assigneeUserId: agent.id, priority: 'critical' });
    const statuses = (await api.get('/api/ticket-statuses').expect(200)).body as { id: number; name: string; kind: string }[];
    const closed = statuses.find((s) => s.kind === 'closed')!;
    const done = await open({ subject: 'C done long ago', visibility: 'internal', dueDate: '2001-01-01', statusId: closed.id });

    const list = async (filter: object, sort?: [string, 'ASC' | 'DESC']) => {
      const res = await api.get(`/api/accounts/${accountId}/tickets?${listFilter(filter, sort)}`).expect(200);
      return (res.body as TicketBody[]).map((t) => t.id);
    };
    await expect(list({ overdue: true })).resolves.toEqual([late.id]);
    await expect(list({ statusKind: 'closed' })).resolves.toEqual([done.id]);
    await expect(list({ statusKind: ['open', 'pending'], priority: ['low', 'critical'] }, ['id', 'ASC'])).resolves.toEqual([
      late.id,
      assigned.id,
    ]);
    await expect(list({ assigneeUserId: agent.id })).resolves.toEqual([assigned.id]);
    await expect(list({ unassigned: true, id: [late.id, assigned.id, done.id] }, ['id', 'ASC'])).resolves.toEqual([late.id, done.id]);
    await expect(list({ q: `#${assigned.id}` })).resolves.toEqual([assigned.id]);
    await expect(list({ id: [late.id, assigned.id, done.id] }, ['subject', 'ASC'])).resolves.toEqual([assigned.id, late.id, done.id]);
    await expect(list({ id: [late.id, assigned.id, done.id] }, ['priority', 'DESC'])).resolves.toEqual([assigned.id, done.id, late.id]);

    const row = (await api.get(`/api/tickets?${listFilter({ id: [late.id] })}`).expect(200)).body[0] as TicketBody & {
      accountName: string;
    };
    expect(row).toMatchObject({ overdue: true, statusName: 'New', accountId, accountName: expect.any(String), groupName: null });
    const queue = await api.get(`/api/tickets?${listFilter({ accountId, overdue: false })}`).expect(200);
    expect(queue.headers['content-range']).toMatch(/^tickets 0-\d+\/\d+$/);
    expect((queue.body as TicketBody[]).map((t) => t.id)).not.toContain(late.id);
  });

  it('edits and assigns with PATCH, closes with a closed status, and refuses an empty change', async () => {
    const ticket = await open({ subject: 'Slow evenings', visibility: 'internal' });
    const edited = (
      await api
        .patch(`/api/tickets/${ticket.id}`, { subject: 'Slow every evening', assigneeUserId: agent.id, dueDate: '2099-01-01', groupId })
        .expect(200)
    ).body as TicketBody;
    expect(edited).toMatchObject({ subject: 'Slow every evening', assigneeUserId: agent.id, dueDate: '2099-01-01', groupId });
    const unassigned = (await api.patch(`/api/tickets/${ticket.id}`, { assigneeUserId: null }).expect(200)).body as TicketBody;
    expect(unassigned.assigneeUserId).toBeNull();
    const statuses = (await api.get('/api/ticket-statuses').expect(200)).body as { id: number; kind: string }[];
    const closed = (await api.patch(`/api/tickets/${ticket.id}`, { statusId: statuses.find((s) => s.kind === 'closed')!.id }).expect(200))
      .body as TicketBody & { closedAt: string | null };
    expect(closed.closedAt).not.toBeNull();
    const empty = await api.patch(`/api/tickets/${ticket.id}`, {}).expect(400);
    expect(empty.body.details).toEqual([expect.objectContaining({ field: 'body', rule: 'nothingToChange' })]);
  });

  it('keeps exactly one open default status and refuses to delete a status in use', async () => {
    const statuses = (await api.get('/api/ticket-statuses').expect(200)).body as {
      id: number;
      name: string;
      isDefault: boolean;
      ticketCount: number;
    }[];
    const fallback = statuses.find((s) => s.isDefault)!;
    const unset = await api.patch(`/api/ticket-statuses/${fallback.id}`, { isDefault: false }).expect(409);
    expect(unset.body.code).toBe('ticket_default_status_required');
    await api.patch(`/api/ticket-statuses/${fallback.id}`, { kind: 'closed' }).expect(409);
    const inUse = await api.delete(`/api/ticket-statuses/${fallback.id}`).expect(409);
    expect(inUse.body.message).toMatch(/default status/);

    const spare = (await api.post('/api/ticket-statuses', { name: `On hold ${accountId}`, kind: 'pending' }).expect(201)).body;
    await api.post('/api/ticket-statuses', { name: `On hold ${accountId}`, kind: 'pending' }).expect(409);
    const ticket = await open({ subject: 'Parked', visibility: 'internal', statusId: spare.id });
    const refused = await api.delete(`/api/ticket-statuses/${spare.id}`).expect(409);
    expect(refused.body).toMatchObject({ code: 'ticket_status_in_use', message: expect.stringMatching(/^1 ticket is in the status/) });
    await api.patch(`/api/tickets/${ticket.id}`, { statusId: fallback.id }).expect(200);
    await api.delete(`/api/ticket-statuses/${spare.id}`).expect(200);
    const defaults = (await sut.db.query('SELECT COUNT(*) AS n FROM ticket_statuses WHERE is_default = 1'))[0].n;
    expect(Number(defaults)).toBe(1);
  });

  it('refuses a second group on the same inbound address', async () => {
    const res = await api
      .post('/api/ticket-groups', { name: `Other ${accountId}`, inboundAddress: `support-${accountId}@example.net` })
      .expect(409);
    expect(res.body.code).toBe('ticket_group_address_taken');
    const inUse = await api.delete(`/api/ticket-groups/${groupId}`).expect(409);
    expect(inUse.body.code).toBe('ticket_group_in_use');
  });
});
