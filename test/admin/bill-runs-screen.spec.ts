import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { formatMoney } from '../../src/common/money';
import { BillingWorld } from '../billing/billing-world';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The Bill runs screen: a preview of chosen accounts from the browser, which writes
 * nothing, and a run's page where a parked account is released after a confirmation.
 */
describe('bill runs screen in headless Chromium', () => {
  let sut: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    sut = await createTestApp();
    await sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  });
  afterAll(async () => {
    await browser?.close();
    await sut.close();
  });

  it('previews the invoices of chosen accounts for a date', async () => {
    const w = await new BillingWorld(sut).init();
    const account = await w.account();
    await w.addService(account, await w.service(4321), '2026-08-01');
    const admin = await sut.admin();

    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Bill runs' }).click();
    await page.getByRole('button', { name: 'Preview' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Preview a bill run' });
    await dialog.getByLabel('Billing date').fill('2026-09-01');
    await dialog.getByLabel('Account ids (optional)').fill(String(account));
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const row = dialog.getByRole('table', { name: 'Preview' }).getByRole('row').nth(1);
    await row.waitFor();
    // No invoice was made on 1 August, so the September invoice also carries August: each month its own line.
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('(2026-08-01 to 2026-08-31)');
    expect(text).toContain('(2026-09-01 to 2026-09-30)');
    expect(text).toContain(formatMoney(2 * 4321));
    // The account by its name, linked to it, and the totals under the rows.
    const [{ name }] = await sut.db.query('SELECT name FROM accounts WHERE id = ?', [account]);
    await expect(row.getByRole('link', { name }).getAttribute('href')).resolves.toBe(`#/accounts/${account}/show`);
    expect(text).not.toMatch(new RegExp(`^${account}\\b`));
    const totals = dialog.getByRole('row', { name: 'Totals' });
    await expect(totals.textContent()).resolves.toMatch(
      new RegExp(`1 account would be invoiced.*${formatMoney(2 * 4321).replace(/[$.]/g, '\\$&')}`),
    );
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM invoices WHERE account_id = ?', [account]);
    expect(Number(n)).toBe(0);
  });

  it('shows on the list how many invoices each run wrote and what they came to', async () => {
    // A finished run's record; a date far ahead that no other spec uses puts it at the top of the list.
    const date = `2099-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;
    const run = await sut.db.query(
      "INSERT INTO bill_runs (run_date, workflow_id, status, planned_accounts, finished_at) VALUES (?, ?, 'completed', 3, NOW(3))",
      [date, `bill-run/list-${randomUUID()}`],
    );
    await sut.db.query(
      'INSERT INTO bill_run_batches (bill_run_id, after_account_id, last_account_id, accounts, invoices, invoiced_total, failures, parked) VALUES (?, 0, 3, 3, 3, 48478, 0, 0)',
      [Number(run.insertId)],
    );
    // Loaded afresh: the page may still hold the preview dialog of the test before.
    await page.goto(`${base}/admin/#/bill-runs`);
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: date });
    await row.getByText(formatMoney(48478)).waitFor();
    await expect(row.textContent()).resolves.toContain('3 invoices');
  });

  it("opens a run's page and releases a parked account after confirming", async () => {
    const w = await new BillingWorld(sut).init();
    // Billed on the 15th, so the run's date is its billing day; its service starts that day and is charged a period ahead.
    const account = await w.account({ invoiceDay: 15 });
    await w.addService(account, await w.service(6789), '2026-09-15');
    // The outcome of a finished run that parked this account (runs bill the whole shared database, so none is started here).
    const run = await sut.db.query(
      "INSERT INTO bill_runs (run_date, workflow_id, status, planned_accounts, finished_at) VALUES ('2026-09-15', ?, 'completed', 1, NOW(3))",
      [`bill-run/screen-${randomUUID()}`],
    );
    const runId = Number(run.insertId);
    await sut.db.query(
      'INSERT INTO bill_run_batches (bill_run_id, after_account_id, last_account_id, accounts, invoices, invoiced_total, failures, parked) VALUES (?, 0, ?, 1, 0, 0, 0, 1)',
      [runId, account],
    );
    await sut.db.query(
      "INSERT INTO bill_run_parked (bill_run_id, account_id, rule, reason, total, usual_total) VALUES (?, ?, 'spike', 'far above the usual bill', 6789, 1000)",
      [runId, account],
    );

    await page.goto(`${base}/admin/#/bill-runs/${runId}/show`);
    const parked = page.getByRole('table', { name: 'Parked accounts' });
    // Amounts show a placeholder until the instance's currency has loaded.
    await parked.getByText(formatMoney(6789)).waitFor();
    await parked.getByRole('button', { name: 'Release' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(formatMoney(1000)).waitFor();
    await dialog.getByRole('button', { name: 'Release and invoice' }).click();
    await parked.getByText('released').waitFor();
    const [invoice] = await sut.db.query("SELECT total FROM invoices WHERE account_id = ? AND generated_for = '2026-09-15'", [account]);
    expect(Number(invoice.total)).toBe(6789);
    await w.expectBooksBalance([account]);
  });
});
