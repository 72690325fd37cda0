import type { Page } from 'playwright-core';
import { formatMoney } from '../../src/common/money';
import { BillingWorld } from '../billing/billing-world';
import { openPanel, type Panel, signIn } from '../support/panel';
import { createTestApp, TestApp } from '../support/test-app';

/** How en-US shows US dollars. */
const usd = (cents: number): string => `$${formatMoney(cents)}`;

/**
 * A parent pays the invoices its child accounts' invoices are linked to, so its balance due
 * counts them; the panel says how much of the figure is the children's, wherever it shows it.
 */
describe("a parent account's balance says what its children owe", () => {
  let sut: TestApp;
  let panel: Panel;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    sut = await createTestApp();
    panel = await openPanel(sut, { width: 1280, height: 900 });
    ({ page, base } = panel);
  });
  afterAll(async () => {
    await panel?.browser.close();
    await sut.close();
  });

  it('shows the share of linked child invoices under the balance due, on the banner and the Overview', async () => {
    const w = await new BillingWorld(sut).init();
    const service = await w.service(2500);
    const parent = await w.account();
    const child = await w.account();
    for (const id of [parent, child]) await w.addService(id, service, '2026-07-01');
    await w.post(`/api/accounts/${parent}/child-accounts`, { childAccountId: child }).expect(201);
    await w.generate(parent, '2026-07-01');
    await w.generate(child, '2026-07-01');
    const figures = (await w.get(`/api/accounts/${parent}/billing-figures`).expect(200)).body;
    expect(figures).toMatchObject({ balanceDue: 5000, balanceDueOnChildInvoices: 2500 });

    const admin = await sut.admin();
    await signIn(panel, admin);

    await page.goto(`${base}/admin/#/accounts/${parent}/show`);
    await page
      .getByTestId('due-now-balance')
      .filter({ hasText: usd(5000) })
      .waitFor();
    await page
      .getByTestId('due-now-child-invoices')
      .filter({ hasText: usd(2500) })
      .waitFor();

    await page.goto(`${base}/admin/#/accounts/${parent}/show/billing/invoices`);
    const banner = page.getByRole('region', { name: 'Billing figures' });
    await banner
      .getByTestId('figure-balanceDue')
      .filter({ hasText: usd(5000) })
      .waitFor();
    await banner
      .getByTestId('figure-balanceDueOnChildInvoices')
      .filter({ hasText: `Includes ${usd(2500)} on child accounts' invoices` })
      .waitFor();

    // A child alone owes nothing on its own page, and no note appears there.
    await page.goto(`${base}/admin/#/accounts/${child}/show`);
    await page
      .getByTestId('due-now-balance')
      .filter({ hasText: usd(0) })
      .waitFor();
    expect(await page.getByTestId('due-now-child-invoices').count()).toBe(0);
  });
});
