import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { InvariantCheckerService } from '../../src/billing/invariant-checker.service';
import { insertAccount } from '../contacts/account-fixture';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

interface CallLogBody {
  id: number;
  subject: string;
  durationSeconds: number;
  calledAt: string;
  attendantUserId: number;
  notes: string | null;
  ticketRequests: { kind: string; subject: string; description: string | null; assigneeUserId: number | null }[];
  tickets: { id: number; subject: string; visibility: string }[];
}

describe('Correspondence › Call Logs in headless Chromium', () => {
  let sut: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    sut = await createTestApp();
    await sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await sut.close();
  });

  it('logs a call from the header, lists, edits it, opens a ticket from it and deletes it after confirming', async () => {
    const admin = await sut.admin();
    const auth = { Authorization: `Bearer ${admin.token}` };
    const run = randomUUID().slice(0, 8);
    const accountId = await insertAccount(sut.db, `Calls UI ${run}`);
    const calls = async () => (await sut.http().get(`/api/accounts/${accountId}/call-logs`).set(auth).expect(200)).body as CallLogBody[];

    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();
    await page.goto(`${base}/admin/#/accounts/${accountId}/show`);

    // From the header, on the Overview tab.
    const subject = `Router reboots every night ${run}`;
    await page.getByRole('region', { name: 'Account header' }).getByRole('button', { name: 'Add call log' }).click();
    const create = page.getByRole('dialog', { name: 'Log a call' });
    await create.getByRole('textbox', { name: 'Subject' }).fill(subject);
    await create.getByRole('textbox', { name: 'Duration' }).fill('12:34');
    await create.getByRole('textbox', { name: 'Notes' }).fill('Moved it off the floor; will call back Friday.');
    await create.getByRole('button', { name: 'Log call' }).click();
    await create.waitFor({ state: 'detached' });
    const [logged] = await calls();
    expect(logged).toMatchObject({ subject, durationSeconds: 754, attendantUserId: admin.id });

    // Seen in Correspondence › Call Logs, with the duration as h:mm:ss.
    await page.getByRole('tab', { name: 'Correspondence' }).click();
    await page.getByRole('tab', { name: 'Call Logs' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: subject });
    await row.getByText('0:12:34', { exact: true }).waitFor();
    await row.getByText('Moved it off the floor').waitFor();

    // Edit: fifteen minutes.
    await row.getByRole('button', { name: `Actions for call ${subject}` }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit call log' });
    expect(await edit.getByRole('textbox', { name: 'Duration' }).inputValue()).toBe('12:34');
    await edit.getByRole('textbox', { name: 'Duration' }).fill('15:00');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await row.getByText('0:15:00', { exact: true }).waitFor();
    // The time input holds whole minutes; left untouched, the call keeps its exact time.
    expect((await calls())[0]).toMatchObject({ id: logged.id, durationSeconds: 900, calledAt: logged.calledAt });

    // A public ticket, prefilled from the call.
    await row.getByRole('button', { name: `Actions for call ${subject}` }).click();
    await page.getByRole('menuitem', { name: 'Create public ticket' }).click();
    const ticket = page.getByRole('dialog', { name: 'Create public ticket' });
    expect(await ticket.getByRole('textbox', { name: 'Subject' }).inputValue()).toBe(subject);
    expect(await ticket.getByRole('textbox', { name: 'Description' }).inputValue()).toBe('Moved it off the floor; will call back Friday.');
    await ticket.getByRole('button', { name: 'Create ticket' }).click();
    await ticket.waitFor({ state: 'detached' });
    // The ticket opens at once, and the call names it.
    await page.waitForURL(/#\/tickets\/\d+\/show/);
    const ticketId = Number(/#\/tickets\/(\d+)\/show/.exec(page.url())?.[1]);
    expect((await calls())[0]).toMatchObject({ ticketRequests: [], tickets: [{ id: ticketId, subject, visibility: 'public' }] });
    const opened = (await sut.http().get(`/api/tickets/${ticketId}`).set(auth).expect(200)).body;
    expect(opened).toMatchObject({
      accountId,
      callLogId: logged.id,
      subject,
      description: 'Moved it off the floor; will call back Friday.',
      assigneeUserId: admin.id,
      visibility: 'public',
    });
    await page.goto(`${base}/admin/#/accounts/${accountId}/show/correspondence`);
    await page.getByRole('tab', { name: 'Call Logs' }).click();
    await row.getByText(`Ticket #${ticketId}`).waitFor();

    // The CSV holds the list as shown.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
    expect(lines[0]).toBe('id,called_at,subject,duration,duration_seconds,attendant,notes,tickets,pending_ticket_requests,logged_by');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${logged.id},${logged.calledAt},${subject},0:15:00,900,`);
    expect(lines[1]).toContain(`,#${ticketId},0,`);

    // Delete, but only after confirming; cancelling keeps it.
    await row.getByRole('button', { name: `Actions for call ${subject}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this call log?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await calls()).toHaveLength(1);
    await row.getByRole('button', { name: `Actions for call ${subject}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await confirm.getByText(`Ticket #${ticketId}, opened from it, stays.`).waitFor();
    await confirm.getByRole('button', { name: 'Delete call log' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('No calls logged.').waitFor();
    expect(await calls()).toEqual([]);
    const kept = await sut.db.query('SELECT id, call_log_id, visibility, subject FROM tickets WHERE account_id = ?', [accountId]);
    expect(kept).toEqual([{ id: ticketId, call_log_id: null, visibility: 'public', subject }]);

    const books = await sut.app.get(InvariantCheckerService).check('2099-12-31', [accountId]);
    expect(books.accounts).toBe(1);
    expect(books.mismatches).toEqual([]);
  });
});
