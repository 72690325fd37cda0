import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';
import { accountWithContact, Api, as, countRows, TicketBody } from './ticket-world';

describe('tickets from call logs: opened at once, and kept ticket requests converted once', () => {
  let sut: TestApp;
  let api: Api;
  let attendant: { id: number };
  let accountId: number;
  let contactAddress: string;

  beforeAll(async () => {
    sut = await createTestApp();
    const clerk = await sut.userWith([
      Permission.CorrespondenceRead,
      Permission.CorrespondenceWrite,
      Permission.TicketsRead,
      Permission.TicketsWrite,
    ]);
    attendant = await sut.userWith([Permission.CorrespondenceRead]);
    api = as(sut, clerk.token);
    ({ accountId, address: contactAddress } = await accountWithContact(sut, 'Calls'));
  });
  afterAll(() => sut.close());

  const logCall = async (subject: string, notes: string) =>
    (
      await api
        .post(`/api/accounts/${accountId}/call-logs`, { subject, notes, durationSeconds: 120, attendantUserId: attendant.id })
        .expect(201)
    ).body as { id: number };

  it("opens a public ticket carrying the call's subject, notes, account and attendant", async () => {
    const call = await logCall('Modem blinking red', 'Tried a reboot.');
    const ticket = (await api.post(`/api/call-logs/${call.id}/tickets`, { kind: 'public' }).expect(201)).body as TicketBody;
    expect(ticket).toMatchObject({
      accountId,
      subject: 'Modem blinking red',
      description: 'Tried a reboot.',
      assigneeUserId: attendant.id,
      visibility: 'public',
      source: 'call_log',
      callLogId: call.id,
    });
    expect(ticket.recipients?.map((r) => r.address)).toEqual([contactAddress]);
    const chosen = (
      await api.post(`/api/call-logs/${call.id}/tickets`, { kind: 'internal', subject: 'Own words', description: null }).expect(201)
    ).body as TicketBody;
    expect(chosen).toMatchObject({ subject: 'Own words', description: null, visibility: 'internal', recipients: [] });
    // The call lists both tickets it became; deleting the call keeps them, no longer pointing at it.
    const callNow = (await api.get(`/api/call-logs/${call.id}`).expect(200)).body as { tickets: { id: number }[] };
    expect(callNow.tickets.map((t) => t.id)).toEqual([ticket.id, chosen.id]);
    await api.delete(`/api/call-logs/${call.id}`).expect(200);
    const kept = (await api.get(`/api/tickets/${ticket.id}`).expect(200)).body as TicketBody;
    expect(kept).toMatchObject({ id: ticket.id, callLogId: null, subject: 'Modem blinking red' });
  });

  it('turns a pending ticket request into one ticket, however often it is converted', async () => {
    const call = await logCall('Cancel request', 'Moving abroad.');
    const request = (await api.post(`/api/call-logs/${call.id}/ticket-requests`, { kind: 'internal' }).expect(201)).body as { id: number };
    const first = (await api.post(`/api/call-log-ticket-requests/${request.id}/ticket`).expect(201)).body as TicketBody;
    expect(first).toMatchObject({
      accountId,
      subject: 'Cancel request',
      description: 'Moving abroad.',
      assigneeUserId: attendant.id,
      visibility: 'internal',
      source: 'call_log',
      callLogId: call.id,
      callLogTicketRequestId: request.id,
    });
    const [second, third] = await Promise.all([
      api.post(`/api/call-log-ticket-requests/${request.id}/ticket`),
      api.post(`/api/call-log-ticket-requests/${request.id}/ticket`),
    ]);
    expect([second.status, third.status]).toEqual([200, 200]);
    expect([second.body.id, third.body.id]).toEqual([first.id, first.id]);
    await expect(countRows(sut, 'SELECT COUNT(*) AS n FROM tickets WHERE call_log_ticket_request_id = ?', [request.id])).resolves.toBe(1);
    const callNow = (await api.get(`/api/call-logs/${call.id}`).expect(200)).body as {
      ticketRequests: { status: string; ticketId: number }[];
    };
    expect(callNow.ticketRequests).toEqual([expect.objectContaining({ status: 'converted', ticketId: first.id })]);
    await api.post('/api/call-log-ticket-requests/999999999/ticket').expect(404);
  });
});
