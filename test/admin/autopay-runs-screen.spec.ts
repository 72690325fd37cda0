import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { formatMoney } from '../../src/common/money';
import { PaymentsWorld } from '../payments/support/payments-world';
import { launchBrowser } from '../support/browser';

/** The Autopay runs screen: a run's results per account, with the processor's reason for a failure. */
describe('autopay runs screen in headless Chromium', () => {
  let world: PaymentsWorld;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    world = await PaymentsWorld.start();
    await world.sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(world.sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  });
  afterAll(async () => {
    await browser?.close();
    await world.close();
  });

  it("lists a run and opens it to show each account's charge and a failure's reason", async () => {
    const { w, sut } = world;
    const paid = await w.account();
    const declined = await w.account();
    const paidCard = await world.savedMethod(paid);
    const declinedCard = await world.savedMethod(declined, 'pm_card_chargeDeclined');
    // The outcome of a finished run (runs charge every due account of the shared database, so none is started here).
    const run = await sut.db.query(
      "INSERT INTO autopay_runs (run_date, workflow_id, status, finished_at) VALUES ('2025-02-03', ?, 'completed', NOW(3))",
      [`autopay-run/screen-${randomUUID()}`],
    );
    const runId = Number(run.insertId);
    await sut.db.query(
      `INSERT INTO autopay_attempts (autopay_run_id, account_id, run_date, payment_method_id, method, amount, attempt, first_attempt_date, status, reason)
       VALUES (?, ?, '2025-02-03', ?, 'card', 5555, 1, '2025-02-03', 'succeeded', NULL),
              (?, ?, '2025-02-03', ?, 'card', 7777, 2, '2025-02-02', 'failed', 'Your card was declined. (generic_decline)')`,
      [runId, paid, paidCard.id, runId, declined, declinedCard.id],
    );
    const admin = await sut.admin();

    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Autopay runs' }).click();
    await page.getByText('2025-02-03').click();
    const attempts = page.getByRole('table', { name: 'Autopay attempts' });
    await attempts.getByRole('row').nth(2).waitFor();
    // Amounts show a placeholder until the instance's currency has loaded.
    await attempts.getByText(formatMoney(5555)).waitFor();
    const text = (await attempts.textContent()) ?? '';
    expect(text).toContain(formatMoney(5555));
    expect(text).toContain('Charged');
    expect(text).toContain('Your card was declined. (generic_decline)');
    await expect(page.getByText('1 charged, 0 pending at the bank, 1 failed').isVisible()).resolves.toBe(true);
  });
});
