import { Permission } from '../../src/auth/permission';
import { createTestApp, TestApp } from '../support/test-app';

/** The inbound mail routes on an instance with no helpdesk mailbox: bad input is a 400, a missing message a 404, "check now" a 503 that says why. */
describe('inbound mail routes refusing what they cannot do', () => {
  let sut: TestApp;
  let token: string;

  beforeAll(async () => {
    sut = await createTestApp({ INBOUND_MAIL_IMAP_URL: '' });
    token = (await sut.userWith([Permission.TicketsRead, Permission.TicketsWrite, Permission.TicketsConfigure])).token;
  });

  afterAll(async () => {
    await sut?.close();
  });

  const get = (path: string) => sut.http().get(path).auth(token, { type: 'bearer' });

  it('answers 400 to a filter, sort or range it does not know', async () => {
    for (const query of [
      `filter=${encodeURIComponent(JSON.stringify({ status: 'lost' }))}`,
      `filter=${encodeURIComponent(JSON.stringify({ ticketId: -1 }))}`,
      `sort=${encodeURIComponent(JSON.stringify(['password', 'ASC']))}`,
      'range=[5,1]',
      'filter={not json',
    ]) {
      const res = await get(`/api/inbound-messages?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
    }
  });

  it('lists nothing, and answers 404 for the raw copy of a message it never had', async () => {
    const list = await get('/api/inbound-messages').expect(200);
    expect(list.body).toEqual([]);
    expect(list.headers['content-range']).toBe('inbound-messages 0-0/0');
    await get('/api/inbound-messages/424242/raw').expect(404);
    await get('/api/inbound-messages/abc/raw').expect(400);
  });

  it('says there is no mailbox to check', async () => {
    const res = await sut.http().post('/api/inbound-messages/check').auth(token, { type: 'bearer' }).expect(503);
    expect(res.body).toMatchObject({ code: 'inbound_mail_not_configured' });
  });
});
