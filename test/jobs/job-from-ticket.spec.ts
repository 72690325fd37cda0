import { transactionWithRetry } from '../../src/database/transaction';
import { TicketsService } from '../../src/tickets/tickets.service';
import { account, call, jobsWorld, JobsWorld, jobType } from './jobs-world';

describe('a job created from a ticket', () => {
  let w: JobsWorld;
  beforeAll(async () => {
    w = await jobsWorld();
  });
  afterAll(() => w.close());

  const openTicket = (accountId: number | null, subject: string) =>
    transactionWithRetry(w.sut.db, (em) =>
      w.sut.app.get(TicketsService).openTicket(em, { accountId, subject, visibility: 'internal', source: 'staff' }, null),
    );

  it("lands on the ticket's account, linked both ways, and shows the ticket in the Jobs list", async () => {
    const { accountId } = await account(w);
    const type = await jobType(w);
    const ticketId = await openTicket(accountId, 'No signal since the storm');

    const res = await call(w, 'post', `/api/tickets/${ticketId}/jobs`, { jobTypeId: type.id, notes: 'Check the outdoor unit' }).expect(201);
    expect(res.body).toMatchObject({ accountId, ticketId, ticketSubject: 'No signal since the storm', status: 'not_scheduled' });
    const links = await w.sut.db.query("SELECT ticket_id FROM ticket_links WHERE kind = 'job' AND target_id = ?", [res.body.id]);
    expect(links).toEqual([{ ticket_id: ticketId }]);

    const listed = await call(w, 'get', `/api/jobs?filter=${encodeURIComponent(JSON.stringify({ ticketId }))}`).expect(200);
    expect(listed.body.map((j: { id: number }) => j.id)).toEqual([res.body.id]);

    // From the account, naming the ticket, links it too.
    const second = await call(w, 'post', `/api/accounts/${accountId}/jobs`, { jobTypeId: type.id, ticketId }).expect(201);
    expect(second.body).toMatchObject({ ticketId });

    // A deleted job leaves no link behind on the ticket; the other job keeps its own.
    await call(w, 'delete', `/api/jobs/${res.body.id}`).expect(200);
    const left = await w.sut.db.query("SELECT target_id FROM ticket_links WHERE kind = 'job' AND ticket_id = ?", [ticketId]);
    expect(left).toEqual([{ target_id: second.body.id }]);
  });

  it('refuses a ticket that has no account yet, and one of another account', async () => {
    const type = await jobType(w);
    const orphan = await openTicket(null, 'Mail from a stranger');
    const refused = await call(w, 'post', `/api/tickets/${orphan}/jobs`, { jobTypeId: type.id }).expect(409);
    expect(refused.body).toMatchObject({ code: 'job_ticket_without_account' });

    const { accountId } = await account(w);
    const { accountId: other } = await account(w);
    const theirs = await openTicket(other, 'Their ticket');
    const wrong = await call(w, 'post', `/api/accounts/${accountId}/jobs`, { jobTypeId: type.id, ticketId: theirs }).expect(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'ticketId', rule: 'sameAccount' })]);
    await call(w, 'post', '/api/tickets/99999999/jobs', { jobTypeId: type.id }).expect(404);
    const [{ n }] = await w.sut.db.query('SELECT COUNT(*) AS n FROM jobs WHERE account_id IN (?)', [[accountId, other]]);
    expect(Number(n)).toBe(0);
  });
});
