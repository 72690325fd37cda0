import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { EmailService } from '../../src/email/email.service';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

/** A 1×1 grey PNG standing in for OpenStreetMap's tiles, which a closed network cannot fetch. */
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64');

interface Style {
  fontWeight: string;
  color: string;
}

/** Reports every policy violation the page (or any frame in it) fires, to the test. */
const LISTEN_FOR_VIOLATIONS = `
  document.addEventListener('securitypolicyviolation', (event) => {
    window.reportPolicyViolation(event.violatedDirective + ' refused ' + (event.blockedURI || 'inline content') + ' in ' + event.documentURI);
  });
`;

describe('the panel and the API docs under their Content-Security-Policy, in headless Chromium', () => {
  let sut: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  const violations: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    sut = await createTestApp();
    await sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.exposeBinding('reportPolicyViolation', (_source, text: string) => violations.push(text));
    await page.addInitScript({ content: LISTEN_FOR_VIOLATIONS });
    await page.route(/^https:\/\/([abc]\.)?tile\.openstreetmap\.org\//, (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await sut.close();
  });

  it('hears of a violation when the page loads what the policy does not name (the listeners work)', async () => {
    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').waitFor();
    await page.evaluate(`new Promise((resolve) => {
      const img = new Image();
      img.onerror = img.onload = resolve;
      img.src = 'https://tracker.example/pixel.gif';
    })`);
    for (const deadline = Date.now() + 5000; !violations.some((v) => v.includes('tracker.example'));) {
      if (Date.now() > deadline) throw new Error(`no violation reported for the tracker image; saw ${JSON.stringify(violations)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    violations.length = 0;
  });

  it('opens the main screens without a single violation', async () => {
    const admin = await sut.admin();
    const auth = { Authorization: `Bearer ${admin.token}` };
    const run = randomUUID().slice(0, 8);
    const type = await sut
      .http()
      .post('/api/account-types')
      .set(auth)
      .send({ name: `Type ${run}` })
      .expect(201);
    const status = await sut
      .http()
      .post('/api/account-statuses')
      .set(auth)
      .send({ name: `Status ${run}`, countsAsActive: true, isDelinquency: false, color: '#2e7d32' })
      .expect(201);
    const accountName = `Policy Check ${run}`;
    const account = await sut
      .http()
      .post('/api/accounts')
      .set(auth)
      .send({
        name: accountName,
        accountTypeId: type.body.id,
        accountStatusId: status.body.id,
        serviceAddress: {
          line1: '12 Oak St',
          city: 'Springfield',
          region: 'IL',
          postcode: '62701',
          country: 'US',
          latitude: '39.781721',
          longitude: '-89.650148',
        },
      })
      .expect(201);
    const accountId = account.body.id as number;
    const subject = `Styled notice ${run}`;
    await sut.app.get(EmailService).queue([
      {
        accountId,
        to: `jane-${run}@example.com`,
        subject,
        text: 'Your service is back.',
        html: '<style>p { color: #2e7d32 }</style><p style="font-weight: bold">Your service is back.</p>',
      },
    ]);

    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();

    // Overview, with the service address on the map: tiles load, no "could not load" note.
    await page.goto(`${base}/admin/#/accounts/${accountId}/show`);
    await page.getByRole('region', { name: 'Account header' }).getByRole('heading', { name: accountName }).waitFor();
    await page.locator('.leaflet-container img.leaflet-tile-loaded').first().waitFor();
    expect(await page.getByText('The map could not load').count()).toBe(0);

    await page.getByRole('tab', { name: 'Billing', exact: true }).click();
    await page.getByRole('tablist', { name: 'Billing sections' }).waitFor();

    // The email viewer: its HTML in the sandboxed frame, inline styles applied.
    await page.goto(`${base}/admin/#/accounts/${accountId}/show/correspondence/emails`);
    await page.getByRole('row').filter({ hasText: subject }).getByText(subject).click();
    const dialog = page.getByRole('dialog', { name: subject });
    await dialog.getByRole('tab', { name: 'HTML' }).click();
    const paragraph = page.frameLocator('iframe[title="HTML content"]').getByText('Your service is back.');
    await paragraph.waitFor();
    // Runs inside the frame, where the DOM's getComputedStyle is a global.
    const style = await paragraph.evaluate((p) => {
      const { fontWeight, color } = (globalThis as unknown as { getComputedStyle(e: unknown): Style }).getComputedStyle(p);
      return { fontWeight, color };
    });
    expect(style).toEqual({ fontWeight: '700', color: 'rgb(46, 125, 50)' });
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.locator('tbody tr').first().waitFor();
    // Other test files add users to the shared database, so the admin may sort past the first page: open the list searched.
    await page.goto(`${base}/admin/#/users?filter=${encodeURIComponent(JSON.stringify({ q: admin.email }))}`);
    await page.locator('tbody tr').filter({ hasText: admin.email }).first().waitFor();

    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('renders the API docs without a violation', async () => {
    await page.goto(`${base}/api/docs`);
    await page.locator('.opblock').first().waitFor();
    await page.getByText('Backhaul API').first().waitFor();
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
