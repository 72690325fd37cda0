import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import type { Browser, Page } from 'playwright-core';
import { inboundMailbox } from '../../src/inbound-mail/inbound-mailbox';
import { Permission } from '../../src/auth/permission';
import { TEMPORAL_CLIENT } from '../../src/temporal/temporal.tokens';
import { workflowIds } from '../../workflows/shared';
import { email } from '../inbound-mail/inbound-world';
import { signIn } from '../support/panel';
import { waitUntil } from '../support/processes';
import { SmtpPeer } from '../support/smtp-peer';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestMailbox, type TestMailbox } from '../support/test-mailbox';
import { startTestWorker } from '../support/test-worker';
import { launchBrowser } from '../support/browser';
import { accountWithContact, as, type TicketBody } from '../tickets/ticket-world';

const SHOTS = '/tmp/shots';

/** Spaces compared loosely: line breaks and the narrow no-break space ICU puts in times. */
const loose = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Boxes that scroll sideways or cut their content off on the right (as test/admin/no-sideways-scroll.spec.ts looks). */
const sidewaysOverflow = (page: Page): Promise<string[]> =>
  page.evaluate(`(() => {
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push('the page (' + root.scrollWidth + ' px wide in ' + root.clientWidth + ')');
    for (const el of document.querySelectorAll('body *')) {
      if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
      if (el.classList.contains('MuiTabs-scroller') || el.getAttribute('role') === 'progressbar' || el.clientWidth < 120) continue;
      if (getComputedStyle(el).overflowX === 'visible') continue;
      found.push(el.tagName.toLowerCase() + ' ' + el.className.toString().split(' ').filter((c) => !c.startsWith('css-')).slice(0, 3).join('.') + ' (' + el.scrollWidth + ' in ' + el.clientWidth + ')');
    }
    return found;
  })()`);

/** The CSV as rows of cells (the exporter quotes a cell only when it holds a comma, quote or line break). */
const parseCsv = (text: string): string[][] =>
  text
    .trim()
    .split('\r\n')
    .map((line) => {
      const cells: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < line.length; i += 1) {
        const char = line[i];
        if (quoted && char === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else if (char === '"') {
          quoted = !quoted;
        } else if (char === ',' && !quoted) {
          cells.push(cell);
          cell = '';
        } else {
          cell += char;
        }
      }
      cells.push(cell);
      return cells;
    });

describe('Tickets in headless Chromium: from a call log to a reply the subscriber receives, and their answer by mail', () => {
  let peer: SmtpPeer;
  let mailbox: TestMailbox;
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    peer = await SmtpPeer.start();
    mailbox = await createTestMailbox();
    sut = await createTestApp({
      SMTP_URL: peer.url,
      // The helpdesk mailbox, read only when staff press "Check mailbox now" (its pause is an hour).
      INBOUND_MAIL_IMAP_URL: mailbox.imapUrl,
      INBOUND_MAIL_POLL_SECONDS: '3600',
      EMAIL_RETRY_INITIAL_SECONDS: '1',
      EMAIL_RETRY_MAX_INTERVAL_SECONDS: '2',
      SMTP_TIMEOUT_SECONDS: '5',
    });
    ({ stop: stopWorker } = await startTestWorker(sut));
    await sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    // The mailbox's reader, started by "Check mailbox now", ends with the test.
    const reader = sut && inboundMailbox(sut.config);
    if (reader)
      await sut.app
        .get<Client>(TEMPORAL_CLIENT)
        .workflow.getHandle(workflowIds.inboundMail(reader.key))
        .terminate('the test is over')
        .catch(() => undefined);
    await stopWorker?.();
    await sut?.close();
    await mailbox?.close();
    await peer?.close();
  });

  it('opens a public ticket from a call, replies by email with threading headers, lists it and exports the queue as shown', async () => {
    const admin = await sut.admin();
    const api = as(sut, admin.token);
    const run = randomUUID().slice(0, 8);
    const { accountId, address } = await accountWithContact(sut, 'Calls');
    const neighbour = `neighbour-${run}@example.org`;
    const subject = `Modem lights off after storm ${run}`;
    const notes = 'Power cycled it twice; still no sync light.';
    const call = (await api.post(`/api/accounts/${accountId}/call-logs`, { subject, durationSeconds: 300, notes }).expect(201)).body as {
      id: number;
    };
    // Other tickets of the account for the lists: two still open, one closed (left out of the working queue).
    const closedStatus = ((await api.get('/api/ticket-statuses').expect(200)).body as { id: number; kind: string }[]).find(
      (status) => status.kind === 'closed',
    )!;
    for (const [words, priority] of [
      ['Invoice copy wanted', 'low'],
      ['Speed drops at night', 'critical'],
    ] as const) {
      await api.post(`/api/accounts/${accountId}/tickets`, { subject: `${words} ${run}`, visibility: 'internal', priority }).expect(201);
    }
    const closed = (
      await api.post(`/api/accounts/${accountId}/tickets`, { subject: `Old question ${run}`, visibility: 'internal' }).expect(201)
    ).body as TicketBody;
    await api.patch(`/api/tickets/${closed.id}`, { statusId: closedStatus.id }).expect(200);

    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();

    // Correspondence › Call Logs: Create public ticket, prefilled from the call.
    await page.goto(`${base}/admin/#/accounts/${accountId}/show/correspondence/call-logs`);
    const callRow = page.getByRole('row').filter({ hasText: subject });
    await callRow.getByRole('button', { name: `Actions for call ${subject}` }).click();
    await page.getByRole('menuitem', { name: 'Create public ticket' }).click();
    const create = page.getByRole('dialog', { name: 'Create public ticket' });
    expect(await create.getByRole('textbox', { name: 'Subject' }).inputValue()).toBe(subject);
    expect(await create.getByRole('textbox', { name: 'Description' }).inputValue()).toBe(notes);
    await create.getByRole('button', { name: 'Create ticket' }).click();

    // The ticket's page opens, prefilled: subject, description, account, assignee, the primary contact as recipient.
    await page.waitForURL(/#\/tickets\/\d+\/show$/);
    const ticketId = Number(/tickets\/(\d+)\/show/.exec(page.url())![1]);
    const header = page.getByRole('region', { name: 'Ticket header' });
    await header.getByRole('heading', { name: `#${ticketId} ${subject}` }).waitFor();
    await page.getByRole('region', { name: 'Conversation' }).getByText(notes).waitFor();
    await page.getByRole('list', { name: 'Recipients' }).getByText(address).waitFor();
    const opened = (await api.get(`/api/tickets/${ticketId}`).expect(200)).body as TicketBody;
    expect(opened).toMatchObject({
      accountId,
      subject,
      description: notes,
      visibility: 'public',
      source: 'call_log',
      assigneeUserId: admin.id,
    });

    // A second recipient, typed in.
    await page.getByRole('region', { name: 'Recipients' }).getByRole('button', { name: 'Edit recipients' }).click();
    const recipients = page.getByRole('dialog', { name: `Recipients of ticket #${ticketId}` });
    await recipients.getByRole('combobox', { name: 'Recipients' }).fill(neighbour);
    await recipients.getByRole('combobox', { name: 'Recipients' }).press('Enter');
    await recipients.getByRole('button', { name: 'Save recipients' }).click();
    await recipients.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Recipients' }).getByText(neighbour).waitFor();

    // An internal comment (never emailed), then two public replies.
    const box = page.getByRole('region', { name: 'Write on the ticket' });
    await box.getByRole('button', { name: 'Internal comment' }).click();
    await box.getByRole('textbox', { name: 'Comment' }).fill('Line test shows no sync from the cabinet.');
    await box.getByRole('button', { name: 'Add comment' }).click();
    await page.getByRole('article', { name: /^Internal comment from / }).waitFor();
    await box.getByRole('button', { name: 'Public reply' }).click();
    await box.getByRole('textbox', { name: 'Reply' }).fill('We found a fault at the cabinet and are sending a technician.');
    await box.getByRole('button', { name: 'Send reply' }).click();
    await page.getByRole('article', { name: /^Public reply from / }).waitFor();
    await box.getByRole('textbox', { name: 'Reply' }).fill('The technician fixed it; is the sync light on now?');
    await box.getByRole('button', { name: 'Send reply' }).click();
    await page
      .getByRole('article', { name: /^Public reply from / })
      .nth(1)
      .waitFor();
    // Both deliveries reported on the page as the relay answers.
    await page
      .getByRole('article', { name: /^Public reply from / })
      .nth(1)
      .getByText('Sent', { exact: true })
      .nth(1)
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}/ticket-page.png`, fullPage: true });

    // The mail in the peer: the reference in the subject, and the second threaded onto the first.
    const mails = await peer.waitForAccepted(4);
    const toSubscriber = mails.filter((mail) => mail.to && 'value' in mail.to && mail.to.value.some((to) => to.address === address));
    expect(toSubscriber).toHaveLength(2);
    const [first, second] = toSubscriber;
    expect(first.subject).toBe(`Re: ${subject} [Ticket #${ticketId}]`);
    expect(second.subject).toBe(`Re: ${subject} [Ticket #${ticketId}]`);
    expect(first.messageId).toMatch(new RegExp(`^<ticket-${ticketId}-\\d+\\.`));
    expect(second.inReplyTo).toBe(first.messageId);
    expect(second.references).toBe(first.messageId);
    expect(second.text?.trim()).toBe('The technician fixed it; is the sync light on now?');
    expect(mails.filter((mail) => mail.to && 'value' in mail.to && mail.to.value.some((to) => to.address === neighbour))).toHaveLength(2);
    expect(mails.some((mail) => (mail.text ?? '').includes('no sync from the cabinet'))).toBe(false);

    // The account's Tickets tab lists it, with its status, priority and visibility; the arrow opens its side panel.
    await header.getByRole('link', { name: /^Calls / }).click();
    await page.getByRole('tab', { name: 'Tickets', selected: true }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `#${ticketId} ${subject}` }) });
    await row.getByText('New', { exact: true }).waitFor();
    await row.getByText('Medium', { exact: true }).waitFor();
    await row.getByText(/^Public · opened /).waitFor();
    await row.getByRole('button', { name: `Details of ticket #${ticketId}` }).click();
    const drawer = page.getByRole('region', { name: `#${ticketId} ${subject}` });
    await drawer.getByText(neighbour, { exact: false }).waitFor();
    await page.screenshot({ path: `${SHOTS}/account-tickets-tab.png` });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    // At 1280 × 800 nothing on the tab scrolls sideways or cuts its content off.
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/account-tickets-tab-1280.png` });
    await page.setViewportSize({ width: 1440, height: 1000 });
    // The closed ticket too: the tab lists all of the account's tickets but merged ones.
    await page
      .getByRole('row')
      .filter({ hasText: `Old question ${run}` })
      .waitFor();

    // The queue: open and pending tickets, searched; its CSV holds the rows on screen, in their order.
    await page.getByRole('menuitem', { name: 'Tickets' }).click();
    // The account's Tickets tab has a search of the same name and stays on screen a moment after
    // the address changes: type once the queue (whose Group filter is always shown) has replaced it.
    await page.waitForURL(/#\/tickets(\?|$)/);
    await page.getByRole('combobox', { name: 'Group' }).waitFor();
    await page.getByPlaceholder('Subject, description or #number').fill(run);
    await waitUntil('the search is in the list address', () => page.url().includes(run), 15_000);
    const queueRows = page.locator('tbody tr');
    await waitUntil('the queue shows the three open tickets', async () => (await queueRows.count()) === 3, 15_000);
    await queueRows.filter({ hasText: `#${ticketId}` }).waitFor();
    expect(await queueRows.filter({ hasText: `Old question ${run}` }).count()).toBe(0);
    const onScreen: { id: string; text: string }[] = [];
    for (const tr of await queueRows.all()) {
      const href = (await tr.locator('a[href*="/tickets/"]').first().getAttribute('href')) ?? '';
      onScreen.push({ id: /tickets\/(\d+)\/show/.exec(href)?.[1] ?? '', text: (await tr.textContent()) ?? '' });
    }
    await page.screenshot({ path: `${SHOTS}/ticket-queue.png` });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const csv = parseCsv(await readFile(await download.path(), 'utf8'));
    expect(csv[0].slice(0, 7)).toEqual(['id', 'subject', 'account_id', 'account', 'status', 'status_kind', 'priority']);
    const lines = csv.slice(1);
    expect(lines.map((line) => line[0])).toEqual(onScreen.map((shown) => shown.id));
    for (const [index, line] of lines.entries()) {
      expect(onScreen[index].text).toContain(line[1]);
      expect(onScreen[index].text).toContain(line[4]);
      expect(line[2]).toBe(String(accountId));
    }
    expect(lines.map((line) => line[6]).sort()).toEqual(['critical', 'low', 'medium']);
    // The call it came from is still there.
    expect((await api.get(`/api/call-logs/${call.id}`).expect(200)).body).toMatchObject({ subject });

    // The subscriber answers the second reply; a stranger writes in; and a message with no sender arrives, its
    // HTML an image that would run a script if it were ever rendered.
    const answer = `<answer-${run}@example.com>`;
    await mailbox.append(
      email({
        from: address,
        subject: `Re: ${subject} [Ticket #${ticketId}]`,
        messageId: answer,
        inReplyTo: second.messageId,
        references: [first.messageId as string, second.messageId as string],
        body: 'Yes, the sync light is on now. Thank you!',
      }),
    );
    const stranger = `stranger-${run}@example.net`;
    await mailbox.append(email({ from: stranger, subject: `Moving house ${run}`, body: 'Can the service move with me?' }));
    await mailbox.append(
      [
        'To: support@backhaul.test',
        `Subject: Who wrote this ${run}`,
        `Message-ID: <no-sender-${run}@example.com>`,
        'MIME-Version: 1.0',
        'Content-Type: text/html; charset=utf-8',
        '',
        `<p>Look <img src="x" onerror="document.title='ran'"> here</p>`,
        '',
      ].join('\r\n'),
    );

    // Settings › Inbound mail: "Check mailbox now" reads them at once, and the list shows what became of each.
    await page.getByRole('menuitem', { name: 'Inbound mail' }).click();
    await page.waitForURL(/#\/inbound-messages/);
    const inboundSearch = page.getByPlaceholder('Sender, subject or reason');
    await waitUntil(
      'the search is in the list address',
      async () => {
        if (page.url().includes(run)) return true;
        if ((await inboundSearch.inputValue()) !== run) await inboundSearch.fill(run);
        return false;
      },
      15_000,
    );
    await page.getByRole('button', { name: 'Check mailbox now' }).click();
    await page.getByText('Checking the helpdesk mailbox now; what it files appears here in a moment.').waitFor();
    const inboundRows = page.locator('tbody tr');
    await waitUntil('the three messages are listed', async () => (await inboundRows.count()) === 3, 30_000);
    const answerRow = inboundRows.filter({ hasText: `Re: ${subject}` });
    await answerRow.getByText(address).waitFor();
    await answerRow.getByText('Filed', { exact: true }).waitFor();
    expect(await answerRow.getByRole('link', { name: `ticket #${ticketId}` }).getAttribute('href')).toBe(`#/tickets/${ticketId}/show`);
    expect(loose(await answerRow.locator('td').nth(4).innerText())).toBe(`Added to ticket #${ticketId}`);
    const strangerRow = inboundRows.filter({ hasText: stranger });
    const strangerTicket = Number(/Opened ticket #(\d+)/.exec(loose(await strangerRow.locator('td').nth(4).innerText()))?.[1]);
    expect(strangerTicket).toBeGreaterThan(ticketId);
    const keptRow = inboundRows.filter({ hasText: `Who wrote this ${run}` });
    await keptRow.getByText('Kept, not filed', { exact: true }).waitFor();
    await keptRow.getByText('Kept: The message has no sender address to answer.').waitFor();
    expect(loose(await keptRow.locator('td').nth(1).innerText())).toBe('—');
    await page.screenshot({ path: `${SHOTS}/inbound-mail.png` });
    const listed = (await api.get(`/api/inbound-messages?filter=${encodeURIComponent(JSON.stringify({ q: run }))}`).expect(200)).body as {
      id: number;
      subject: string;
      status: string;
      ticketId: number | null;
      ticketCreated: boolean | null;
    }[];
    expect(
      listed
        .map(({ subject: s, status, ticketId: t, ticketCreated }) => ({ s, status, t, ticketCreated }))
        .sort((a, b) => a.s.localeCompare(b.s)),
    ).toEqual([
      { s: `Moving house ${run}`, status: 'processed', t: strangerTicket, ticketCreated: true },
      { s: `Re: ${subject} [Ticket #${ticketId}]`, status: 'processed', t: ticketId, ticketCreated: false },
      { s: `Who wrote this ${run}`, status: 'rejected', t: null, ticketCreated: null },
    ]);

    // The CSV holds the rows on screen, in their order, with the outcome in the screen's words.
    const [inboundFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const inboundCsv = parseCsv(await readFile(await inboundFile.path(), 'utf8'));
    expect(inboundCsv[0].slice(0, 7)).toEqual(['id', 'received_at', 'from', 'to', 'subject', 'status', 'outcome']);
    const screenOutcomes: string[] = [];
    for (const tr of await inboundRows.all()) screenOutcomes.push(loose(await tr.locator('td').nth(4).innerText()));
    expect(inboundCsv.slice(1).map((line) => line[6])).toEqual(screenOutcomes);

    // Only kept mail, by the status filter.
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Kept, not filed' }).click();
    await waitUntil('only the kept message is listed', async () => (await inboundRows.count()) === 1, 15_000);
    await inboundRows.filter({ hasText: `Who wrote this ${run}` }).waitFor();

    // Its raw copy, as plain text: the markup is there to read, and nothing of it is rendered.
    const keptId = listed.find((message) => message.status === 'rejected')!.id;
    await page.getByRole('button', { name: `View message #${keptId} as received` }).click();
    const rawDialog = page.getByRole('dialog', { name: `Message #${keptId} as received` });
    const rawText = rawDialog.getByRole('region', { name: 'Raw message' });
    await rawText.getByText(`Subject: Who wrote this ${run}`, { exact: false }).waitFor();
    expect(await rawText.innerText()).toContain(`<p>Look <img src="x" onerror="document.title='ran'"> here</p>`);
    expect(await rawDialog.locator('img').count()).toBe(0);
    expect(await page.title()).not.toBe('ran');
    await page.screenshot({ path: `${SHOTS}/inbound-mail-raw.png` });
    await rawDialog.getByRole('button', { name: 'Close' }).click();
    await rawDialog.waitFor({ state: 'detached' });

    // The answer's ticket link opens the ticket, with the subscriber's answer in its conversation.
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Filed', exact: true }).click();
    await waitUntil('the two filed messages are listed', async () => (await inboundRows.count()) === 2, 15_000);
    await answerRow.getByRole('link', { name: `ticket #${ticketId}` }).click();
    await page.waitForURL(new RegExp(`#/tickets/${ticketId}/show$`));
    await page.getByRole('region', { name: 'Conversation' }).getByText('Yes, the sync light is on now. Thank you!').waitFor();

    // Someone who only reads tickets sees the list, but neither checks the mailbox nor reads raw mail.
    const reader = await sut.userWith([Permission.TicketsRead, Permission.AccountsRead]);
    const readerPage = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', timezoneId: 'UTC' });
    await signIn({ browser, page: readerPage, base }, reader);
    await readerPage.getByRole('menuitem', { name: 'Inbound mail' }).click();
    await readerPage
      .locator('tbody tr')
      .filter({ hasText: `Who wrote this ${run}` })
      .waitFor();
    expect(await readerPage.getByRole('button', { name: 'Check mailbox now' }).count()).toBe(0);
    expect(await readerPage.getByRole('button', { name: /as received$/ }).count()).toBe(0);
    await readerPage.close();
  }, 300_000);
});
