import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { PaymentsWorld } from '../payments/support/payments-world';
import { openPanel, type Panel, signIn } from '../support/panel';

/** A developer's code such as invoice.generate; an email address is left out before looking. */
const CODE_LIKE = /\b[a-z_]+\.[a-z_]+\b/;
const withoutEmails = (text: string) => text.replace(/\S+@\S+/g, '');

describe("an account's Logs tab in words, in headless Chromium", () => {
  let world: PaymentsWorld;
  let panel: Panel;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    world = await PaymentsWorld.start();
    panel = await openPanel(world.sut, { width: 1440, height: 1000 }, { acceptDownloads: true });
    ({ page, base } = panel);
  });
  afterAll(async () => {
    await panel?.browser.close();
    await world.close();
  });

  it('shows sentences and no codes, filters by kind of action and exports the sentences as CSV', async () => {
    const { w, sut } = world;
    await w.today('2026-11-01');
    const serviceName = `Fiber 100 ${randomUUID().slice(0, 6)}`;
    const account = await w.account();
    await w.addService(account, await w.service(9696, { name: serviceName }), '2026-11-01');
    const generated = await w.generate(account, '2026-11-01');
    expect(generated.invoice).not.toBeNull();
    const card = await world.savedMethod(account);
    await world
      .pay('card', { accountId: account, paymentMethodId: card.id, amount: 2000 }, `account-logs-${account}-${randomUUID()}`)
      .expect(201);

    // Back to the real clock: the browser's session cookie must not have expired before it is set.
    jest.restoreAllMocks();
    const admin = await sut.admin();
    await signIn(panel, admin);

    await page.goto(`${base}/admin/#/accounts/${account}/show/logs`);
    const rows = page.locator('tbody tr');
    await rows.filter({ hasText: `Service '${serviceName}' added to the account` }).waitFor();
    await rows
      .filter({ hasText: `Invoice ${generated.invoice?.number}` })
      .filter({ hasText: 'by the bill run of 1 Nov 2026' })
      .waitFor();
    await rows.filter({ hasText: /Card payment #\d+ of 20\.00 USD succeeded/ }).waitFor();
    const shown = await page.locator('tbody').innerText();
    expect(withoutEmails(shown)).not.toMatch(CODE_LIKE);
    expect(await rows.count()).toBeGreaterThanOrEqual(3);

    // The kind of action is picked from the labels the API serves.
    await page.getByRole('combobox', { name: 'Kind of action' }).fill('Service added');
    await page.getByRole('option', { name: 'Service added', exact: true }).click();
    await rows.filter({ hasText: 'generated' }).waitFor({ state: 'detached' });
    await rows.filter({ hasText: `Service '${serviceName}' added to the account` }).waitFor();
    expect(await rows.count()).toBe(1);

    // The export holds the account's entries of that kind, with the same sentence.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    const header = csv[0].split(',');
    expect(header).toContain('summary');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(`Service '${serviceName}' added to the account`);
    await page.screenshot({ path: `${process.env.TEST_SCRATCH_DIR}/account-logs-in-words.png`, fullPage: true });

    // The Overview's recent logs mix in who opened the account, marked as a view.
    await page.getByRole('tab', { name: 'Overview' }).click();
    const recent = page.getByRole('region', { name: 'Recent logs' });
    await recent.getByText('Account opened').first().waitFor();
    await recent.getByText(`Service '${serviceName}' added to the account`).waitFor();
    expect(withoutEmails(await recent.innerText())).not.toMatch(CODE_LIKE);
  });
});
