import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { formatMoney } from '../../src/common/money';
import { DelinquencyWorld } from '../delinquency/delinquency-world';
import { launchBrowser } from '../support/browser';
import { createIsolatedTestApp } from '../support/isolated-database';
import type { TestApp } from '../support/test-app';

/**
 * The Nightly runs screen: a clerk picks a date and previews delinquency, seeing the
 * late fees it would charge; running asks for a confirmation first. The preview
 * covers every overdue account, so the database is the test's own.
 */
describe('nightly runs screen in headless Chromium', () => {
  let sut: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    await sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  });
  afterAll(async () => {
    await browser?.close();
    await sut.close();
  });

  it('previews delinquency for a date and lists the late fees, and asks before running', async () => {
    const w = await new DelinquencyWorld(sut).init();
    const lateFeeServiceId = await w.lateFeeService();
    const delinquentStatusId = await w.status(true);
    const fixed = await w.overdueAccount(20000, { lateFeeServiceId, lateFeeKind: 'fixed', lateFeeAmount: 1234, delinquentStatusId });
    // 8765 × 2 % = 175.3 → 175
    const percent = await w.overdueAccount(8765, { lateFeeServiceId, lateFeeKind: 'percent', lateFeeRateE4: 20000 });
    // The browser drops a session cookie that expired by the real clock, so the panel runs in the present.
    jest.restoreAllMocks();
    const admin = await sut.admin();

    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Nightly runs' }).click();
    await page.getByLabel('Date').fill('2026-04-02');
    await page.getByRole('button', { name: 'Preview delinquency' }).click();

    const invoices = page.getByRole('table', { name: 'Invoices turning delinquent' });
    await invoices.getByRole('row').nth(2).waitFor();
    // Amounts show a placeholder until the instance's currency has loaded.
    await invoices.getByText(formatMoney(20000)).waitFor();
    const text = (await invoices.textContent()) ?? '';
    expect(text).toContain(fixed.invoice.number);
    expect(text).toContain(percent.invoice.number);
    expect(text).toContain(formatMoney(1234));
    expect(text).toContain(formatMoney(175));
    expect(text).toContain(formatMoney(20000));
    const changes = (await page.getByRole('table', { name: 'Status changes' }).textContent()) ?? '';
    expect(changes).toContain(`#${fixed.accountId}`);

    await page.getByRole('button', { name: 'Run delinquency' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run delinquency for 2026-04-02' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Neither the preview nor the cancelled run wrote anything.
    const [row] = await sut.db.query(
      `SELECT (SELECT COUNT(*) FROM late_fees) AS fees, (SELECT SUM(delinquent) FROM invoices) AS delinquent,
              (SELECT COUNT(*) FROM nightly_runs) AS runs`,
    );
    expect([Number(row.fees), Number(row.delinquent), Number(row.runs)]).toEqual([0, 0, 0]);
  });
});
