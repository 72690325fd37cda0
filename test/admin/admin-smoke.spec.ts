import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

describe('admin panel in headless Chromium', () => {
  let sut: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    sut = await createTestApp();
    await sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await sut.close();
  });

  it('refuses a wrong password with the server message', async () => {
    const admin = await sut.admin();
    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is wrong').waitFor();
  });

  it('logs in, opens the audit log, filters it and downloads the CSV', async () => {
    const admin = await sut.admin();
    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.waitForURL(/#\/action-history/);
    await page.locator('tbody tr').first().waitFor();

    // Filtered to logins, the admin's own is on the first page, newest first. Unfiltered, the browser
    // specs running beside this one on the shared database can push it to the second page.
    await page.getByRole('combobox', { name: 'Kind of action' }).fill('Signed in');
    await page.getByRole('option', { name: 'Signed in', exact: true }).click();
    await page.waitForURL(/filter=.*staff_user\.login/);
    await page.locator('tbody tr').filter({ hasText: admin.email }).filter({ hasText: 'Signed in' }).first().waitFor();
    await page.locator('tbody tr').filter({ hasNotText: 'Signed in' }).first().waitFor({ state: 'detached' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const path = await download.path();
    const csv = require('node:fs').readFileSync(path, 'utf8') as string;
    expect(csv.split('\r\n')[0]).toBe(
      'id,created_at,actor_user_id,actor_email,action,summary,entity_type,entity_id,account_id,request_id,before,after',
    );
    expect(csv).toContain(`,staff_user,${admin.id},`);

    await page.screenshot({ path: `${process.env.TEST_SCRATCH_DIR}/admin-audit-log.png`, fullPage: true });
  });

  it('shows users and roles to an administrator', async () => {
    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.waitForURL(/#\/users/);
    const admin = await sut.admin();
    await page.getByRole('textbox', { name: 'Search' }).fill(admin.email);
    await page.locator('tbody tr').nth(1).waitFor({ state: 'detached' });
    await page.locator('tbody tr').filter({ hasText: admin.email }).waitFor();
    await page.getByRole('menuitem', { name: 'Roles' }).click();
    await page.waitForURL(/#\/roles/);
    await page.locator('tbody tr').first().waitFor();
  });
});
