import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { formatMoney } from '../../src/common/money';
import { BillingWorld } from '../billing/billing-world';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

/** The Bill runs screen: a preview of chosen accounts from the browser, which writes nothing. */
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
    await expect(row.textContent()).resolves.toContain(formatMoney(4321));
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM invoices WHERE account_id = ?', [account]);
    expect(Number(n)).toBe(0);
  });
});
