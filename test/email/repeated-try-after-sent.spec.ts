import { EmailActivities } from '../../src/email/email.activities';
import { EmailService } from '../../src/email/email.service';
import { accountWithContact, deliveryClosed, email, emailWorld, EmailWorld, settled, someAddress } from './email-world';

describe('a try repeated after the acceptance was recorded', () => {
  let world: EmailWorld;

  beforeAll(async () => {
    world = await emailWorld([]);
  });
  afterAll(() => world.close());

  it('sends nothing: neither the activity run again nor a second start of the delivery connects', async () => {
    const { w, sut, peer } = world;
    const { accountId, contactId } = await accountWithContact(sut, someAddress('once'));
    const res = await w.post(`/api/accounts/${accountId}/emails`, { contactId, subject: 'Once', text: 'Only once.' }).expect(201);
    const sent = await settled(w, res.body.id as number);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(peer.connections).toBe(1);
    const run = await deliveryClosed(sut, sent.id);

    // What Temporal does when a worker dies after the UPDATE but before reporting the result.
    await expect(sut.app.get(EmailActivities).deliverEmail(sent.id)).resolves.toBe('sent');
    await sut.app.get(EmailService).startDelivery([sent.id]);
    // The start found the finished delivery and began no second one, so nothing can connect later.
    expect(await deliveryClosed(sut, sent.id)).toBe(run);

    expect(peer.connections).toBe(1);
    expect(peer.accepted).toHaveLength(1);
    expect(await email(w, sent.id)).toMatchObject({ status: 'sent', attempts: 1, sentAt: sent.sentAt });
  });
});
