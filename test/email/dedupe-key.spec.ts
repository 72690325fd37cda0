import { EmailService } from '../../src/email/email.service';
import { accountWithContact, deliveryClosed, emailWorld, EmailWorld, settled, someAddress } from './email-world';

describe('queuing the same email twice under one dedupe key', () => {
  let world: EmailWorld;

  beforeAll(async () => {
    world = await emailWorld([]);
  });
  afterAll(() => world.close());

  it('keeps one row and sends one message', async () => {
    const { w, sut, peer } = world;
    const { accountId } = await accountWithContact(sut, null);
    const key = `test-dedupe/${accountId}`;
    const outgoing = { accountId, to: someAddress('dedupe'), subject: 'Invoice ready', text: 'See attached.', dedupeKey: key };
    const sutService = sut.app.get(EmailService);

    const [first] = await sutService.queue([outgoing]);
    const [second] = await sutService.queue([{ ...outgoing, subject: 'A different subject' }]);
    // Inside one call too, as a batch that lists the same email twice.
    const inOneBatch = await sutService.queue([outgoing, outgoing]);
    expect(second).toBe(first);
    expect(inOneBatch).toEqual([first, first]);

    const rows = await sut.db.query('SELECT id, subject FROM emails WHERE dedupe_key = ?', [key]);
    expect(rows).toEqual([{ id: first, subject: 'Invoice ready' }]);
    await settled(w, first);
    await deliveryClosed(sut, first);
    expect(peer.accepted).toHaveLength(1);
  });

  it('keeps one row when several requests queue the same key at the same moment', async () => {
    const { sut } = world;
    const { accountId } = await accountWithContact(sut, null);
    const key = `test-dedupe-race/${accountId}`;
    const outgoing = { accountId, to: someAddress('race'), subject: 'Once', text: 'x', dedupeKey: key };
    const ids = await Promise.all(Array.from({ length: 6 }, () => sut.app.get(EmailService).queue([outgoing])));
    expect(new Set(ids.flat()).size).toBe(1);
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM emails WHERE dedupe_key = ?', [key]);
    expect(Number(n)).toBe(1);
    await settled(world.w, ids[0][0]);
  });
});
