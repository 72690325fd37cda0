import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { formatMoney as formatMinor } from '../../admin/src/money/formatMoney';
import { LedgerService } from '../../src/billing/ledger.service';
import { DelinquencyService } from '../../src/delinquency/delinquency.service';
import { BillingWorld } from '../billing/billing-world';
import { createIsolatedTestApp } from '../support/isolated-database';
import { openPanel, type Panel, signIn } from '../support/panel';
import type { TestApp } from '../support/test-app';

/** Whatever scrolls sideways or cuts its content off on the right (as in no-sideways-scroll.spec.ts). */
const sidewaysOverflow = (page: Page): Promise<string[]> =>
  page.evaluate(`(() => {
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push('the page (' + root.scrollWidth + ' px wide in ' + root.clientWidth + ')');
    for (const el of document.querySelectorAll('body *')) {
      if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth === 0) continue;
      if (el.getAttribute('role') === 'progressbar' || el.clientWidth < 120) continue;
      if (getComputedStyle(el).overflowX === 'visible') continue;
      found.push(el.tagName.toLowerCase() + ' ' + (el.getAttribute('aria-label') || '') + ' (' + el.scrollWidth + ' px wide in ' + el.clientWidth + ')');
    }
    return found;
  })()`);

/**
 * The dashboard at 1280 × 800: the figures the API gives, formatted, in cards that
 * fit the screen; a figure opens its list already filtered to the rows it counts.
 * The figures span every account, so the database is this file's own.
 */
describe('the dashboard in headless Chromium', () => {
  let sut: TestApp;
  let panel: Panel;
  const errors: string[] = [];
  let signedIn = false;
  let delinquentName = '';

  beforeAll(async () => {
    sut = await createIsolatedTestApp();
    const w = await new BillingWorld(sut).init();
    const fiber = await w.service(6_499);
    const lateFeeServiceId = await w.service(750, { kind: 'one_time' });
    const suspended = Number(
      (await sut.db.query("INSERT INTO account_statuses (name, is_delinquency) VALUES ('Suspended for non-payment', 1)")).insertId,
    );
    // Invoiced in September and October and never paid, so the aging has late buckets.
    await w.today('2026-09-01');
    const late = await w.account({
      graceDays: 1,
      delinquencyWeekdays: [1, 2, 3, 4, 5, 6, 7],
      lateFeeServiceId,
      lateFeeKind: 'fixed',
      lateFeeAmount: 750,
    });
    await w.addService(late, fiber, '2026-09-01');
    await w.generate(late, '2026-09-01');
    await w.today('2026-10-01');
    await w.generate(late, '2026-10-01');
    await w.put(`/api/accounts/${late}`, { accountStatusId: suspended }).expect(200);
    delinquentName = ((await w.get(`/api/accounts/${late}`).expect(200)).body as { name: string }).name;
    const paying = await w.account();
    await w.addService(paying, fiber, '2026-10-01');
    await w.generate(paying, '2026-10-01');
    await w.pay(paying, 6_499, '2026-10-05');
    await sut.db.query(
      `INSERT INTO emails (account_id, to_address, from_address, subject, body_text, message_id, status, reject_reason)
       VALUES (?, 'gone@example.com', 'billing@example.com', 'Your October invoice', 'Ready.', '<dashboard-spec@example.com>', 'rejected', '550 no such mailbox')`,
      [late],
    );
    // The browser drops a session cookie that expired by the real clock, so the panel runs in the present.
    jest.restoreAllMocks();
    // Delinquency today, by the real clock: each of the two unpaid invoices draws a 7.50 fee, this month's late fees.
    const today = sut.app.get(LedgerService).today();
    await sut.app.get(DelinquencyService).runForDate(today, { accountIds: [late] });

    panel = await openPanel(sut, { width: 1280, height: 800 }, { acceptDownloads: true });
    panel.page.on('pageerror', (e) => errors.push(e.message));
    panel.page.on('console', (m) => {
      if (signedIn && m.type() === 'error') errors.push(m.text());
    });
  }, 120_000);

  afterAll(async () => {
    await panel?.browser.close();
    await sut?.close();
  });

  const figure = (name: string) => panel.page.locator(`[data-figure="${name}"]`);
  const valueOf = async (name: string) => ((await figure(name).locator('[data-value]').textContent()) ?? '').trim();

  it('shows the API figures, fits the screen and logs no error', async () => {
    const admin = await sut.admin();
    await signIn(panel, admin);
    signedIn = true;
    const api = (await sut.http().get('/api/dashboard').set('Authorization', `Bearer ${admin.token}`).expect(200)).body;
    const formatMoney = (amount: number) => formatMinor(amount, api.currency, 'en-US');
    await figure('accounts-total').waitFor();

    expect(await valueOf('accounts-total')).toBe(String(api.accounts.total));
    for (const s of api.accounts.byStatus) expect(await valueOf(`status-${s.accountStatusId}`)).toBe(s.accounts.toLocaleString('en-US'));
    expect(await valueOf('delinquent')).toBe(String(api.accounts.delinquent));
    expect(await valueOf('mrr')).toBe(formatMoney(api.recurringRevenue.monthly));
    for (const b of api.aging) expect(await valueOf(`aging-${b.bucket}`)).toBe(formatMoney(b.owed));
    expect(api.aging.filter((b: { owed: number }) => b.owed > 0).length).toBeGreaterThanOrEqual(2);
    expect(await valueOf('emails-rejected')).toBe(String(api.emails.rejected));
    expect(await valueOf('emails-queued')).toBe(String(api.emails.queued));
    expect(await valueOf('late-fees')).toBe(formatMoney(api.lateFees.total));
    expect(await panel.page.getByRole('region', { name: 'Invoiced and paid by month' }).locator('svg').count()).toBeGreaterThan(0);
    // The next run's count arrives on a request of its own and fills its figure in.
    const next = (await sut.http().get('/api/dashboard/next-bill-run').set('Authorization', `Bearer ${admin.token}`).expect(200)).body;
    const nextAccounts = `${next.dueAccounts.toLocaleString('en-US')} account${next.dueAccounts === 1 ? '' : 's'}`;
    await figure('next-bill-run').locator('[data-value]').getByText(nextAccounts, { exact: true }).waitFor();

    expect(await sidewaysOverflow(panel.page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('opens the delinquent accounts from their figure', async () => {
    await figure('delinquent').click();
    await panel.page.waitForURL(/#\/accounts\?filter=/);
    const rows = panel.page.locator('table tbody tr');
    await rows.first().getByText(delinquentName).waitFor();
    expect(await rows.count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('opens the invoices of an aging bucket, each of them in it', async () => {
    await panel.page.goto(`${panel.base}/admin/#/`);
    const admin = await sut.admin();
    const api = (await sut.http().get('/api/dashboard').set('Authorization', `Bearer ${admin.token}`).expect(200)).body;
    const late = api.aging.find((b: { bucket: string; invoices: number }) => b.bucket !== 'current' && b.invoices > 0);
    await figure(`aging-${late.bucket}`).click();
    await panel.page.waitForURL(/#\/invoices\?filter=/);
    const rows = panel.page.locator('table tbody tr');
    await rows.first().getByText(delinquentName).waitFor();
    expect(await rows.count()).toBe(late.invoices);
    expect(await sidewaysOverflow(panel.page)).toEqual([]);
  });

  it('opens the rejected email from its figure', async () => {
    await panel.page.goto(`${panel.base}/admin/#/`);
    await figure('emails-rejected').click();
    await panel.page.waitForURL(/#\/emails\?filter=/);
    const rows = panel.page.locator('table tbody tr');
    await rows.first().getByText('Your October invoice').waitFor();
    expect(await rows.count()).toBe(1);
    expect((await rows.first().textContent()) ?? '').toContain('550 no such mailbox');
    // The list's CSV holds what its filter shows.
    const [download] = await Promise.all([panel.page.waitForEvent('download'), panel.page.getByRole('button', { name: 'Export' }).click()]);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
    expect(lines[0]).toBe('id,account_id,created_at,sent_at,status,to,subject,reject_reason,attempts,category,attachments');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',rejected,');
    expect(lines[1]).toContain('550 no such mailbox');
    expect(errors).toEqual([]);
  });

  it('opens the late fees charged this month from their figure, and exports the list as CSV', async () => {
    await panel.page.goto(`${panel.base}/admin/#/`);
    const admin = await sut.admin();
    const api = (await sut.http().get('/api/dashboard').set('Authorization', `Bearer ${admin.token}`).expect(200)).body;
    expect(api.lateFees.count).toBe(2);
    await figure('late-fees').click();
    await panel.page.waitForURL(/#\/late-fees\?filter=/);
    const rows = panel.page.locator('table tbody tr');
    await rows.first().getByText(delinquentName).waitFor();
    expect(await rows.count()).toBe(api.lateFees.count);
    for (const row of await rows.all()) expect((await row.textContent()) ?? '').toContain(formatMinor(750, api.currency, 'en-US'));
    expect(await sidewaysOverflow(panel.page)).toEqual([]);

    // The file holds the rows the filter shows; their minor units add up to the figure.
    const [download] = await Promise.all([panel.page.waitForEvent('download'), panel.page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toBe('late-fees.csv');
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
    expect(lines[0]).toBe('id,account_id,account,date,amount,amount_minor_units,invoice_id,invoice_number,reversed_on');
    const cells = lines.slice(1).map((line) => line.split(','));
    expect(cells).toHaveLength(api.lateFees.count);
    expect(cells.reduce((sum, c) => sum + Number(c[5]), 0)).toBe(api.lateFees.total);
    expect(cells.map((c) => [c[3], c[4]])).toEqual(cells.map(() => [api.lateFees.to, '7.50']));
    expect(errors).toEqual([]);
  });

  it("opens the month's payments from its paid bar", async () => {
    await panel.page.goto(`${panel.base}/admin/#/`);
    const admin = await sut.admin();
    const api = (await sut.http().get('/api/dashboard').set('Authorization', `Bearer ${admin.token}`).expect(200)).body;
    const paidMonths = (api.months as { month: string; paid: number }[]).filter((m) => m.paid > 0);
    expect(paidMonths).toEqual([{ month: '2026-10', invoiced: expect.any(Number), paid: 6_499 }]);
    // Charts grow into place; with reduced motion the bars are drawn whole at once, so the click lands on one.
    await panel.page.emulateMedia({ reducedMotion: 'reduce' });
    const chart = panel.page.getByRole('region', { name: 'Invoiced and paid by month' });
    // Only October has a payment, so its bar is the one paid bar drawn with a height.
    const october = chart.locator('g[data-series="paid"] rect:not([height="0"])');
    await october.waitFor();
    expect(await october.count()).toBe(1);
    await october.click();
    await panel.page.waitForURL(/#\/payments\?filter=/);
    expect(decodeURIComponent(panel.page.url())).toContain('{"receivedIn":"2026-10"}');
    const rows = panel.page.locator('table tbody tr');
    await rows
      .first()
      .getByText(formatMinor(6_499, api.currency, 'en-US'))
      .waitFor();
    expect(await rows.count()).toBe(1);
    expect((await rows.first().textContent()) ?? '').toContain('Cash');
    await panel.page.emulateMedia({ reducedMotion: null });
    expect(errors).toEqual([]);
  });
});
