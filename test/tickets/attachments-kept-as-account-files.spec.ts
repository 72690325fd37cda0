import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { Permission } from '../../src/auth/permission';
import { transactionWithRetry } from '../../src/database/transaction';
import { FileStorage } from '../../src/files/file-storage';
import { NewTicketAttachment, TicketConversationService } from '../../src/tickets/ticket-conversation.service';
import { createTestApp, TestApp } from '../support/test-app';
import { accountWithContact, Api, as, TicketBody } from './ticket-world';

describe('tickets: attachments of incoming mail are kept as account files and only ever downloaded', () => {
  let sut: TestApp;
  let api: Api;
  let reader: Api;

  beforeAll(async () => {
    sut = await createTestApp();
    const clerk = await sut.userWith([Permission.TicketsRead, Permission.TicketsWrite, Permission.AccountsRead]);
    api = as(sut, clerk.token);
    reader = as(sut, (await sut.userWith([Permission.AccountsRead])).token);
  });
  afterAll(() => sut.close());

  /** Bytes put where the inbound path puts them, then a message carrying them added through the service. */
  async function receive(ticketId: number, files: { name: string; mimeType: string; content: string }[]) {
    const storage = sut.app.get(FileStorage);
    await storage.ensureDir();
    const attachments: NewTicketAttachment[] = [];
    for (const file of files) {
      const storageKey = randomUUID();
      await writeFile(storage.pathOf(storageKey), file.content);
      attachments.push({ name: file.name, mimeType: file.mimeType, sizeBytes: Buffer.byteLength(file.content), storageKey });
    }
    const sutService = sut.app.get(TicketConversationService);
    return transactionWithRetry(sut.app.get(DataSource), (em) =>
      sutService.addMessage(em, ticketId, {
        kind: 'inbound',
        authorUserId: null,
        fromAddress: 'someone@example.com',
        bodyText: 'See attached',
        attachments,
      }),
    );
  }

  it('registers each attachment as a file of the account and reopens a closed ticket', async () => {
    const { accountId } = await accountWithContact(sut, 'Files');
    const statuses = (await api.get('/api/ticket-statuses').expect(200)).body as { id: number; kind: string }[];
    const closed = statuses.find((s) => s.kind === 'closed')!;
    const ticket = (
      await api.post(`/api/accounts/${accountId}/tickets`, { subject: 'Photos', visibility: 'public', statusId: closed.id }).expect(201)
    ).body as TicketBody;

    const added = await receive(ticket.id, [
      { name: 'speedtest.txt', mimeType: 'text/plain', content: 'down 3 Mbit/s' },
      { name: 'page.html', mimeType: 'text/html', content: '<script>alert(1)</script>' },
    ]);
    expect(added.ticketId).toBe(ticket.id);

    const now = (await api.get(`/api/tickets/${ticket.id}`).expect(200)).body as TicketBody & {
      messages: { attachments: { id: number; name: string; accountFileId: number | null }[] }[];
    };
    expect(now.statusKind).toBe('open');
    const [text, page] = now.messages.at(-1)!.attachments;
    expect(text).toMatchObject({ name: 'speedtest.txt', accountFileId: expect.any(Number) });
    const file = (await reader.get(`/api/account-files/${text.accountFileId}`).expect(200)).body;
    expect(file).toMatchObject({ accountId, name: 'speedtest.txt', uploadedByUserId: null });

    const download = await api.get(`/api/ticket-attachments/${text.id}`).expect(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="speedtest.txt"/);
    expect(download.text).toBe('down 3 Mbit/s');
    const risky = await api.get(`/api/ticket-attachments/${page.id}`).expect(200);
    expect(risky.headers['content-type']).toBe('application/octet-stream');
    expect(risky.headers['content-disposition']).toMatch(/^attachment;/);
    expect(risky.headers['x-content-type-options']).toBe('nosniff');
    await reader.get(`/api/ticket-attachments/${text.id}`).expect(403);
  });

  it('keeps attachments on a ticket without an account as attachments only', async () => {
    const ticket = (await api.post('/api/tickets', { subject: 'From a stranger', visibility: 'public' }).expect(201)).body as TicketBody;
    await receive(ticket.id, [{ name: 'note.txt', mimeType: 'text/plain', content: 'hello' }]);
    const now = (await api.get(`/api/tickets/${ticket.id}`).expect(200)).body as {
      messages: { attachments: { accountFileId: number | null }[] }[];
    };
    expect(now.messages[0].attachments).toEqual([expect.objectContaining({ accountFileId: null })]);
  });
});
