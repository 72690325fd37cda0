import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { searchAttributes, workflowIds } from '../../workflows/shared';
import { workflowBundlePath } from '../support/paths';
import { accountWithContact, emailWorld, EmailWorld, settled, someAddress } from './email-world';

describe('an email the relay defers twice', () => {
  let world: EmailWorld;
  let client: Client;
  let connection: Connection;

  beforeAll(async () => {
    world = await emailWorld(['greet-421', 'defer-451', 'accept']);
    connection = await Connection.connect({ address: world.sut.config.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: world.sut.config.TEMPORAL_NAMESPACE });
  });
  afterAll(async () => {
    await connection.close();
    await world.close();
  });

  it('is sent on the third try, with every try counted and the same Message-ID each time', async () => {
    const { w, peer } = world;
    const to = someAddress('deferred');
    const { accountId, contactId } = await accountWithContact(world.sut, to);

    const res = await w.post(`/api/accounts/${accountId}/emails`, { contactId, subject: 'Outage tonight', text: 'Work from 1 to 3 am.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ accountId, contactId, to, status: 'queued', attempts: 0 });

    const sent = await settled(w, res.body.id as number);
    expect(sent).toMatchObject({ status: 'sent', attempts: 3, rejectReason: null });
    expect(sent.serverReply).toMatch(/^250 /);
    // The last failure stays on the row: the 451 of the second try.
    expect(sent.lastError).toMatch(/^451 /);
    expect(sent.sentAt).not.toBeNull();

    expect(peer.answered).toEqual(['greet-421', 'defer-451', 'accept']);
    expect(peer.accepted).toHaveLength(1);
    const [mail] = peer.accepted;
    expect(peer.received.map((m) => m.messageId)).toEqual([sent.messageId, sent.messageId]);
    expect(mail.subject).toBe('Outage tonight');
    expect(mail.text?.trim()).toBe('Work from 1 to 3 am.');
    expect(mail.from?.value[0].address).toBe('billing@backhaul.local');

    // Ops find the delivery by account in the Temporal UI.
    const handle = client.workflow.getHandle(workflowIds.emailDelivery(sent.id));
    expect(await handle.result()).toEqual({ status: 'sent' });
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(searchAttributes.accountId)).toBe(accountId);
    // Retries live inside the one activity: the history stays a handful of events, and replays cleanly.
    const history = await handle.fetchHistory();
    expect(history.events?.length).toBeLessThan(20);
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: workflowBundlePath() } }, history, workflowIds.emailDelivery(sent.id)),
    ).resolves.toBeUndefined();
    await w.expectBooksBalance([accountId]);
  });
});
