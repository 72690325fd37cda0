import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { EmailService } from '../../src/email/email.service';
import { insertAccount } from '../contacts/account-fixture';
import { launchBrowser } from '../support/browser';
import { waitUntil } from '../support/processes';
import { SmtpPeer } from '../support/smtp-peer';
import { createTestApp, TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

interface EmailBody {
  id: number;
  to: string;
  subject: string;
  status: string;
  rejectReason: string | null;
}

describe('Correspondence › Emails in headless Chromium', () => {
  let peer: SmtpPeer;
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    // The first message is refused for good, every later one accepted.
    peer = await SmtpPeer.start(['refuse-550']);
    sut = await createTestApp({
      SMTP_URL: peer.url,
      EMAIL_RETRY_INITIAL_SECONDS: '1',
      EMAIL_RETRY_MAX_INTERVAL_SECONDS: '2',
      SMTP_TIMEOUT_SECONDS: '5',
    });
    ({ stop: stopWorker } = await startTestWorker(sut));
    await sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stopWorker?.();
    await sut?.close();
    await peer?.close();
  });

  it('lists the account’s email, opens its content safely, sends one again, writes one, filters and exports', async () => {
    const admin = await sut.admin();
    const auth = { Authorization: `Bearer ${admin.token}` };
    const run = randomUUID().slice(0, 8);
    const accountId = await insertAccount(sut.db, `Mail UI ${run}`);
    const address = `jane-${run}@example.com`;
    const contact = await sut
      .http()
      .post('/api/contacts')
      .set(auth)
      .send({ accountId, name: `Jane ${run}`, email: address })
      .expect(201);
    const emails = async () => (await sut.http().get(`/api/accounts/${accountId}/emails`).set(auth).expect(200)).body as EmailBody[];
    const waitFor = async (check: (list: EmailBody[]) => boolean, what: string) => {
      for (const deadline = Date.now() + 30_000; !check(await emails());) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };

    // A script in the mail that runs anywhere in the page is heard here: console messages of every frame reach the page.
    const scriptRan = `script ran ${run}`;
    const heard: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes(scriptRan)) heard.push(message.text());
    });

    // Queued the way the billing code queues mail; the peer refuses it.
    const subject = `Your outage credit ${run}`;
    const [queuedId] = await sut.app.get(EmailService).queue([
      {
        accountId,
        contactId: contact.body.id,
        to: address,
        subject,
        text: 'Hello Jane,\n\nwe credited two days of service.',
        html: `<p>Hello <b>Jane</b>, we credited <i>two days</i>.</p><script>console.log('${scriptRan}'); document.title = 'pwned ${run}'</script>`,
      },
    ]);
    await waitFor((list) => list.some((e) => e.id === queuedId && e.status === 'rejected'), 'the first email is rejected');

    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();
    await page.goto(`${base}/admin/#/accounts/${accountId}/show/correspondence/emails`);

    const rows = page.getByRole('row');
    const refused = rows.filter({ hasText: subject });
    await refused.getByText('Rejected').waitFor();
    await refused.getByText(address).waitFor();
    await refused.getByText(/550/).first().waitFor();

    // Its content: the text, then the HTML in a sandbox where its script never runs.
    await refused.getByText(subject).click();
    const content = page.getByRole('dialog', { name: subject });
    await content.getByLabel('Text content').getByText('we credited two days of service.').waitFor();
    await content.getByRole('tab', { name: 'HTML' }).click();
    const frame = content.locator('iframe[title="HTML content"]');
    expect(await frame.getAttribute('sandbox')).toBe('');
    await page.frameLocator('iframe[title="HTML content"]').getByText('two days').waitFor();
    expect(await page.title()).not.toContain('pwned');
    // The control: the same HTML in a page of its own, where neither the sandbox nor the panel's
    // Content-Security-Policy stands in the way. Its script runs and is heard there, so the channel
    // works; by then the sandboxed frame, loaded first, has said nothing on the panel's page.
    const sameHtml = await frame.getAttribute('srcdoc');
    expect(sameHtml).toContain(scriptRan);
    const controlPage = await browser.newPage();
    const heardInControl: string[] = [];
    controlPage.on('console', (message) => {
      if (message.text().includes(scriptRan)) heardInControl.push(message.text());
    });
    await controlPage.setContent(sameHtml as string);
    await waitUntil('the script in the unsandboxed copy is heard', () => heardInControl.length > 0, 10_000);
    expect(heardInControl).toEqual([scriptRan]);
    expect(heard).toEqual([]);
    await controlPage.close();
    await content.getByRole('button', { name: 'Close' }).click();
    await content.waitFor({ state: 'detached' });

    // Send again, after confirming: a new copy, which the peer now accepts.
    await refused.getByRole('button', { name: `Send again: ${subject}` }).click();
    const resend = page.getByRole('dialog', { name: 'Send this email again?' });
    await resend.getByRole('button', { name: 'Send again' }).click();
    await resend.waitFor({ state: 'detached' });
    await waitFor((list) => list.filter((e) => e.subject === subject).length === 2, 'the copy is listed');
    await peer.waitForAccepted(1);
    expect(peer.accepted[0].subject).toBe(subject);
    await waitFor((list) => list.some((e) => e.subject === subject && e.status === 'sent'), 'the copy is sent');

    // Write one to the contact.
    await page.getByRole('button', { name: 'Write email' }).click();
    const write = page.getByRole('dialog', { name: 'Write email' });
    await write.getByText(address).waitFor();
    const written = `Technician visit ${run}`;
    await write.getByRole('textbox', { name: 'Subject' }).fill(written);
    await write.getByRole('textbox', { name: 'Message', exact: true }).fill('Our technician comes on Tuesday between 9 and 11.');
    await write.getByRole('button', { name: 'Send email' }).click();
    await write.waitFor({ state: 'detached' });
    await peer.waitForAccepted(2);
    expect(peer.accepted[1]).toMatchObject({ subject: written, text: expect.stringContaining('Tuesday between 9 and 11') });
    await waitFor((list) => list.length === 3 && list.every((e) => e.status !== 'queued'), 'all three are delivered or refused');

    await page.reload();
    await rows.filter({ hasText: written }).getByText('Sent').waitFor();
    expect(await rows.filter({ hasText: subject }).count()).toBe(2);

    // Only the refused one under the Rejected filter.
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Rejected' }).click();
    await rows.filter({ hasText: written }).waitFor({ state: 'detached' });
    expect(await rows.filter({ hasText: subject }).count()).toBe(1);

    // The CSV holds what the filter shows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,account_id,created_at,sent_at,status,to,subject,reject_reason,attempts,category,attachments');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${queuedId},${accountId},`);
    expect(lines[1]).toContain(',rejected,');

    const books = await sut.app.get(InvariantCheckerService).check('2099-12-31', [accountId]);
    expect(books.accounts).toBe(1);
    expect(books.mismatches).toEqual([]);
  });
});
