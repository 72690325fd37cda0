import type { ChildProcess } from 'node:child_process';
import type { Client } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { workflowIds } from '../../workflows/shared';
import { inboundMailbox } from '../../src/inbound-mail/inbound-mailbox';
import { exited, startWorkerProcess, waitUntil } from '../support/processes';
import { contactOnNewAccount, email, inboundWorld } from './inbound-world';

const MESSAGES = 120;
const REDELIVERED = 10;

/**
 * The worker reading the helpdesk mailbox is killed outright in the middle of a batch, and
 * another worker takes over: every message is filed exactly once, the ones delivered twice
 * included, whatever the killed worker had done when it died.
 */
describe('inbound mail surviving a worker killed with SIGKILL', () => {
  let world: Awaited<ReturnType<typeof inboundWorld>>;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    world = await inboundWorld({ INBOUND_MAIL_POLL_SECONDS: '1' });
  }, 60_000);

  afterAll(async () => {
    if (worker) {
      worker.kill('SIGKILL');
      await exited(worker);
    }
    const mailbox = world && inboundMailbox(world.sut.config);
    if (mailbox) {
      await world.sut.app
        .get<Client>(TEMPORAL_CLIENT)
        .workflow.getHandle(workflowIds.inboundMail(mailbox.key))
        .terminate('the test is over')
        .catch(() => undefined);
    }
    await world?.close();
  }, 60_000);

  const workerEnv = () => ({
    DATABASE_URL: world.sut.config.DATABASE_URL,
    TEMPORAL_ADDRESS: world.sut.config.TEMPORAL_ADDRESS,
    TEMPORAL_NAMESPACE: world.sut.config.TEMPORAL_NAMESPACE,
    TEMPORAL_TASK_QUEUE: world.sut.config.TEMPORAL_TASK_QUEUE,
    STORAGE_DIR: world.sut.config.STORAGE_DIR,
    INBOUND_MAIL_IMAP_URL: world.sut.config.INBOUND_MAIL_IMAP_URL as string,
    INBOUND_MAIL_POLL_SECONDS: '1',
    NODE_ENV: 'test',
  });
  const processed = async () =>
    Number((await world.sut.db.query("SELECT COUNT(*) AS n FROM inbound_messages WHERE status = 'processed'"))[0].n);

  it('files every message once through a kill', async () => {
    const contact = await contactOnNewAccount(world.sut);
    const messages = Array.from({ length: MESSAGES }, (_, i) =>
      email({
        from: contact.address,
        subject: `Question ${i + 1}`,
        body: `Body of question ${i + 1}`,
        messageId: `<q${i + 1}@example.com>`,
      }),
    );
    for (const raw of messages) await world.mailbox.append(raw);
    for (const raw of messages.slice(0, REDELIVERED)) await world.mailbox.append(raw);

    // Its start-up starts the mailbox's reader, as on any deployment with a mailbox.
    worker = await startWorkerProcess(workerEnv());
    await waitUntil('the reader to have filed a first few', async () => (await processed()) >= 5, 60_000);
    worker.kill('SIGKILL');
    await exited(worker);
    const whenKilled = await processed();
    expect(whenKilled).toBeLessThan(MESSAGES);

    worker = await startWorkerProcess(workerEnv());
    await waitUntil('every message to be filed', async () => (await processed()) === MESSAGES, 150_000);
    await waitUntil(
      'the redelivered copies to be seen',
      async () => Number((await world.sut.db.query('SELECT SUM(times_seen) AS n FROM inbound_messages'))[0].n) >= MESSAGES + REDELIVERED,
      60_000,
    );

    const filed: { message_id: string; n: number }[] = await world.sut.db.query(
      "SELECT message_id, COUNT(*) AS n FROM ticket_messages WHERE kind = 'inbound' GROUP BY message_id ORDER BY message_id",
    );
    expect(filed).toHaveLength(MESSAGES);
    expect(filed.every((m) => Number(m.n) === 1)).toBe(true);
    const [{ tickets }] = await world.sut.db.query('SELECT COUNT(*) AS tickets FROM tickets WHERE account_id = ?', [contact.accountId]);
    expect(Number(tickets)).toBe(MESSAGES);
    const [{ n }] = await world.sut.db.query('SELECT COUNT(*) AS n FROM inbound_messages');
    expect(Number(n)).toBe(MESSAGES);
  }, 300_000);
});
