import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Permission } from '../../src/auth/permission';
import { ensureInboundMail } from '../../src/inbound-mail/inbound-mail-start';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { inboundMailStatusQuery } from '../../workflows/shared';
import { waitUntil } from '../support/processes';
import { startTestWorker } from '../support/test-worker';
import { email, inboundWorld } from './inbound-world';

/**
 * The mailbox reader runs in Temporal as one long-lived workflow per mailbox. It rests an hour
 * between polls here, so only "check now" can bring the new message in; the list of inbound
 * mail then shows it, and its raw copy downloads as an attachment.
 */
describe('the inbound mail reader in Temporal, woken by "check now"', () => {
  let world: Awaited<ReturnType<typeof inboundWorld>>;

  beforeAll(async () => {
    world = await inboundWorld({ INBOUND_MAIL_POLL_SECONDS: '3600' });
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  it('files a message as soon as staff ask for a check, and lists it', async () => {
    const { sut } = world;
    const { stop } = await startTestWorker(sut);
    try {
      const client = sut.app.get<Client>(TEMPORAL_CLIENT);
      const started = await ensureInboundMail(client, sut.config);
      expect(started?.workflowId).toMatch(/^inbound-mail\/imap:\/\/inbound%40backhaul\.test@127\.0\.0\.1:\d+\/spec-/);
      // Started again, as a second worker would: the same run.
      expect((await ensureInboundMail(client, sut.config))?.workflowId).toBe(started?.workflowId);
      const handle = client.workflow.getHandle(started!.workflowId);
      await waitUntil('the first (empty) poll', async () => (await handle.query(inboundMailStatusQuery)).polls >= 1, 30_000);

      await world.mailbox.append(
        email({ from: 'someone@example.com', subject: 'Router blinking red', messageId: '<check-now@example.com>' }),
      );
      const reader = await sut.userWith([Permission.TicketsRead]);
      const clerk = await sut.userWith([Permission.TicketsWrite]);
      await sut.http().post('/api/inbound-messages/check').auth(reader.token, { type: 'bearer' }).expect(403);
      const checked = await sut.http().post('/api/inbound-messages/check').auth(clerk.token, { type: 'bearer' }).expect(202);
      expect(checked.body.mailbox).toBe(started!.workflowId.replace(/^inbound-mail\//, ''));
      await waitUntil('the message to be filed', async () => (await handle.query(inboundMailStatusQuery)).filed === 1, 30_000);

      const list = await sut
        .http()
        .get('/api/inbound-messages?filter=' + encodeURIComponent(JSON.stringify({ status: 'processed' })))
        .auth(reader.token, { type: 'bearer' })
        .expect(200);
      expect(list.headers['content-range']).toBe('inbound-messages 0-0/1');
      expect(list.body).toEqual([
        expect.objectContaining({
          messageId: '<check-now@example.com>',
          fromAddress: 'someone@example.com',
          subject: 'Router blinking red',
          status: 'processed',
          rawKept: true,
          ticketId: expect.any(Number),
          ticketCreated: true,
          timesSeen: 1,
        }),
      ]);
      await sut.http().get(`/api/inbound-messages/${list.body[0].id}/raw`).auth(reader.token, { type: 'bearer' }).expect(403);
      const admin = await sut.admin();
      const raw = await sut
        .http()
        .get(`/api/inbound-messages/${list.body[0].id}/raw`)
        .auth(admin.token, { type: 'bearer' })
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(raw.headers['content-type']).toBe('application/octet-stream');
      expect(raw.headers['content-disposition']).toBe(`attachment; filename="inbound-message-${list.body[0].id}.eml"`);
      expect((raw.body as Buffer).toString()).toContain('Subject: Router blinking red');

      writeFileSync(
        join(process.cwd(), 'test-results', 'inbound-mail-history.json'),
        JSON.stringify(JSON.parse(historyToJSON(await handle.fetchHistory())), null, 2),
      );
      await handle.terminate('the test is over');
    } finally {
      await stop();
    }
  }, 120_000);
});
