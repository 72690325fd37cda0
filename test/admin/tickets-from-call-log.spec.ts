import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { waitUntil } from '../support/processes';
import { SmtpPeer } from '../support/smtp-peer';
import { createTestApp, TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { launchBrowser } from '../support/browser';
import { accountWithContact, as, type TicketBody } from '../tickets/ticket-world';

const SHOTS = '/tmp/shots';

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

describe('Tickets in headless Chromium: from a call log to a reply the subscriber receives', () => {
  let peer: SmtpPeer;
  let sut: TestApp;
  let stopWorker: () => Promise<void>;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    peer = await SmtpPeer.start();
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
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stopWorker?.();
    await sut?.close();
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
    // Typed while the list is still settling on its default filters, the search can be wiped with
    // the form; it is typed again until the list's address carries it.
    await page.locator('tbody tr').first().waitFor();
    const search = page.getByPlaceholder('Subject, description or #number');
    await waitUntil(
      'the search is in the list address',
      async () => {
        if (page.url().includes(run)) return true;
        if ((await search.inputValue()) !== run) await search.fill(run);
        return false;
      },
      15_000,
    );
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
  }, 180_000);
});
