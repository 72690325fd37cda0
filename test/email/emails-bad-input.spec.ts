import { Permission } from '../../src/auth/permission';
import { accountWithContact, emailWorld, EmailWorld, someAddress } from './email-world';

describe('the emails API refuses bad input and users without the permission, writing nothing', () => {
  let world: EmailWorld;
  let accountId: number;
  let contactId: number;
  const rowsOf = async (id: number) =>
    Number((await world.sut.db.query('SELECT COUNT(*) AS n FROM emails WHERE account_id = ?', [id]))[0].n);
  const rules = (body: { details: { field: string; rule: string }[] }) => body.details.map((d) => `${d.field}:${d.rule}`);

  beforeAll(async () => {
    world = await emailWorld([]);
    ({ accountId, contactId } = await accountWithContact(world.sut, someAddress('owner')));
  });
  afterAll(() => world.close());

  it('answers 400 naming the field and rule', async () => {
    const { w, sut } = world;
    const other = await accountWithContact(sut, someAddress('other'));
    const post = (body: object) => w.post(`/api/accounts/${accountId}/emails`, body);

    const foreign = await post({ contactId: other.contactId, subject: 'Hi', text: 'x' }).expect(400);
    expect(rules(foreign.body)).toEqual(['contactId:contactOfAccount']);

    const noSubject = await post({ contactId, text: 'x' }).expect(400);
    expect(rules(noSubject.body)).toEqual(expect.arrayContaining(['subject:isString']));
    const blank = await post({ contactId, subject: '  ', text: ' ' }).expect(400);
    expect(rules(blank.body)).toEqual(expect.arrayContaining(['subject:matches', 'text:matches']));

    const both = await post({ contactId, to: someAddress('both'), subject: 'Hi', text: 'x' }).expect(400);
    expect(rules(both.body)).toEqual(['contactId:exactlyOneOf', 'to:exactlyOneOf']);
    const neither = await post({ subject: 'Hi', text: 'x' }).expect(400);
    expect(rules(neither.body)).toEqual(['contactId:exactlyOneOf', 'to:exactlyOneOf']);

    const notAnAddress = await post({ to: 'a@b@c', subject: 'Hi', text: 'x' }).expect(400);
    expect(rules(notAnAddress.body)).toEqual(['to:emailAddress']);
    const headerInjection = await post({ to: someAddress('inject'), subject: 'Hi\r\nBcc: all@example.com', text: 'x' }).expect(400);
    expect(rules(headerInjection.body)).toEqual(['subject:matches']);
    const unknown = await post({ to: someAddress('x'), subject: 'Hi', text: 'x', bcc: 'all@example.com' }).expect(400);
    expect(rules(unknown.body)).toEqual(['bcc:unknownField']);

    const badFilter = encodeURIComponent(JSON.stringify({ status: 'bounced' }));
    const filter = await w.get(`/api/accounts/${accountId}/emails?filter=${badFilter}`).expect(400);
    expect(rules(filter.body)).toEqual(['filter.status:isIn']);

    await w.get('/api/accounts/999999999/emails').expect(404);
    await w.post('/api/accounts/999999999/emails', { to: someAddress('nobody'), subject: 'Hi', text: 'x' }).expect(404);
    await w.get('/api/emails/999999999').expect(404);
    await w.post('/api/emails/999999999/resend').expect(404);
    expect(await rowsOf(accountId)).toBe(0);
  });

  it('answers 422 for a contact without an address', async () => {
    const { w, sut } = world;
    const silent = await accountWithContact(sut, null);
    const res = await w
      .post(`/api/accounts/${silent.accountId}/emails`, { contactId: silent.contactId, subject: 'Hi', text: 'x' })
      .expect(422);
    expect(res.body.code).toBe('contact_without_email');
    expect(await rowsOf(silent.accountId)).toBe(0);
  });

  it('answers 403 to users without correspondence.read or correspondence.write', async () => {
    const { sut, peer } = world;
    const reader = await sut.userWith([Permission.CorrespondenceRead]);
    const outsider = await sut.userWith([Permission.AccountsRead, Permission.AccountsManage]);
    const body = { contactId, subject: 'Hi', text: 'x' };

    await sut.http().get(`/api/accounts/${accountId}/emails`).auth(outsider.token, { type: 'bearer' }).expect(403);
    await sut.http().get('/api/emails/1').auth(outsider.token, { type: 'bearer' }).expect(403);
    await sut.http().post(`/api/accounts/${accountId}/emails`).auth(outsider.token, { type: 'bearer' }).send(body).expect(403);
    await sut.http().post(`/api/accounts/${accountId}/emails`).auth(reader.token, { type: 'bearer' }).send(body).expect(403);
    await sut.http().post('/api/emails/1/resend').auth(reader.token, { type: 'bearer' }).expect(403);
    await sut.http().get(`/api/accounts/${accountId}/emails`).expect(401);
    await sut.http().get(`/api/accounts/${accountId}/emails`).auth(reader.token, { type: 'bearer' }).expect(200);

    // Every answer came back before this line, and with no row written there is nothing a delivery could pick up later.
    expect(await rowsOf(accountId)).toBe(0);
    expect(peer.connections).toBe(0);
  });
});
