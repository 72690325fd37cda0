import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { accountWithContact, Api, as, countRows } from './ticket-world';

describe('tickets: bad input answers 400 naming the field and rule, and writes nothing', () => {
  let sut: TestApp;
  let api: Api;
  let accountId: number;
  let ticketId: number;

  beforeAll(async () => {
    sut = await createTestApp();
    const clerk = await sut.userWith([Permission.TicketsRead, Permission.TicketsWrite, Permission.TicketsConfigure]);
    api = as(sut, clerk.token);
    ({ accountId } = await accountWithContact(sut, 'Bad'));
    ticketId = (await api.post(`/api/accounts/${accountId}/tickets`, { subject: 'Fine', visibility: 'public' }).expect(201)).body.id;
  });
  afterAll(() => sut.close());

  const counts = async () => ({
    tickets: await countRows(sut, 'SELECT COUNT(*) AS n FROM tickets'),
    messages: await countRows(sut, 'SELECT COUNT(*) AS n FROM ticket_messages'),
    recipients: await countRows(sut, 'SELECT COUNT(*) AS n FROM ticket_recipients WHERE ticket_id = ?', [ticketId]),
    groups: await countRows(sut, 'SELECT COUNT(*) AS n FROM ticket_groups'),
  });

  const cases: [string, 'post' | 'patch' | 'put', () => string, object, string, string][] = [
    ['a blank subject', 'post', () => `/api/accounts/${accountId}/tickets`, { subject: '  ', visibility: 'public' }, 'subject', 'matches'],
    ['an unknown visibility', 'post', () => '/api/tickets', { subject: 'x', visibility: 'secret' }, 'visibility', 'isIn'],
    [
      'an impossible due date',
      'post',
      () => '/api/tickets',
      { subject: 'x', visibility: 'internal', dueDate: '2026-02-30' },
      'dueDate',
      'date',
    ],
    [
      'a deactivated or unknown assignee',
      'post',
      () => '/api/tickets',
      { subject: 'x', visibility: 'internal', assigneeUserId: 999999 },
      'assigneeUserId',
      'activeUser',
    ],
    [
      'an account in the body of the account route',
      'post',
      () => `/api/accounts/${accountId}/tickets`,
      { subject: 'x', visibility: 'internal', accountId: 1 },
      'accountId',
      'unknownField',
    ],
    [
      'a recipient that is no address',
      'put',
      () => `/api/tickets/${ticketId}/recipients`,
      { recipients: [{ address: 'not an address' }] },
      'recipients.0.address',
      'email',
    ],
    [
      'a contact of another account',
      'put',
      () => `/api/tickets/${ticketId}/recipients`,
      { recipients: [{ contactId: 999999 }] },
      'recipients.0.contactId',
      'accountContact',
    ],
    ['an unknown priority', 'patch', () => `/api/tickets/${ticketId}`, { priority: 'urgent' }, 'priority', 'isIn'],
    ['a null subject', 'patch', () => `/api/tickets/${ticketId}`, { subject: null }, 'subject', 'notNull'],
    ['an unknown message kind', 'post', () => `/api/tickets/${ticketId}/messages`, { kind: 'inbound', bodyText: 'x' }, 'kind', 'isIn'],
    [
      'a blank reply',
      'post',
      () => `/api/tickets/${ticketId}/messages`,
      { kind: 'internal_comment', bodyText: ' ' },
      'bodyText',
      'matches',
    ],
    ['a job link from the ticket', 'post', () => `/api/tickets/${ticketId}/links`, { kind: 'job', targetId: 1 }, 'kind', 'isIn'],
    [
      'a group address that is two addresses',
      'post',
      () => '/api/ticket-groups',
      { name: 'x', inboundAddress: 'a@example.net, b@example.net' },
      'inboundAddress',
      'email',
    ],
  ];

  it.each(cases)('refuses %s', async (_label, method, path, body, field, rule) => {
    const before = await counts();
    const res = await api[method](path(), body).expect(400);
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    await expect(counts()).resolves.toEqual(before);
  });

  it('refuses a bad list filter or sort field', async () => {
    const res = await api
      .get(`/api/tickets?filter=${encodeURIComponent('{"statusKind":"gone"}')}&sort=${encodeURIComponent('["secret","ASC"]')}`)
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['filter.statusKind', 'sort']);
  });
});
