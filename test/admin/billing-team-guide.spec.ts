import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { Locator, Page } from 'playwright-core';
import { formatMoney } from '../../src/common/money';
import { workflowIds } from '../../workflows/shared';
import { DEMO_ADMIN, loadDemoData } from '../../src/demo/demo-data';
import { isolatedTemporalApp } from '../bill-runs/isolated-temporal-app';
import { BillingWorld } from '../billing/billing-world';
import { StripeTestMode } from '../../src/dev-tools/stripe-test-mode/stripe-test-mode';
import { openPanel, type Panel, signIn } from '../support/panel';
import { SmtpPeer } from '../support/smtp-peer';
import type { TestApp } from '../support/test-app';

/**
 * Walks the tasks of the billing team's guide (docs/guide/README.md) on the demo data, the
 * way a clerk does them, and takes the guide's screenshots on the way: if a step of the guide
 * stops working, this fails. `npm run guide` runs it with GUIDE_SCREENSHOTS_DIR pointing at
 * docs/guide/images to refresh the pictures; otherwise they go to the run's scratch folder.
 */
const SHOTS = process.env.GUIDE_SCREENSHOTS_DIR ?? join(process.env.TEST_SCRATCH_DIR ?? 'test-results', 'guide');
const usd = (cents: number) => `$${formatMoney(cents)}`;

describe("the billing team's guide, walked in headless Chromium", () => {
  let stripe: StripeTestMode;
  let mail: SmtpPeer;
  let sut: TestApp;
  let client: Client;
  let close: () => Promise<void>;
  let panel: Panel;
  let page: Page;
  let base: string;
  let w: BillingWorld;
  /** The demo account the guide follows: billed, with an open invoice and a contact for billing email. */
  let account: { id: number; name: string };

  const listedRun = async (date: string) => {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
      const runs = (await w.get('/api/bill-runs').expect(200)).body as { id: number; runDate: string; workflowId: string }[];
      const run = runs.find((r) => r.runDate === date);
      if (run) return run;
    }
    throw new Error(`no bill run listed for ${date} after 30 s`);
  };

  const shoot = async (name: string, target?: Locator) => {
    const path = join(SHOTS, `${name}.png`);
    if (target) await target.screenshot({ path });
    else await page.screenshot({ path });
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stripe = await StripeTestMode.start({ upstream: process.env.STRIPE_API_BASE });
    mail = await SmtpPeer.start();
    ({ sut, client, close } = await isolatedTemporalApp({ STRIPE_API_BASE: stripe.url, SMTP_URL: mail.url }));
    if (!(await loadDemoData(sut.app))) throw new Error('the demo data was already loaded in a database of our own');
    w = await new BillingWorld(sut).init();
    // The first active, billed demo account with a contact to email; its invoices are open.
    const [first] = await sut.db.query(
      `SELECT a.id, a.name FROM accounts a JOIN account_statuses s ON s.id = a.account_status_id AND s.name = 'Active'
        WHERE EXISTS (SELECT 1 FROM invoices i WHERE i.account_id = a.id AND i.total > i.paid)
          AND EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = a.id AND c.email IS NOT NULL)
          AND a.parent_account_id IS NULL AND NOT EXISTS (SELECT 1 FROM accounts c WHERE c.parent_account_id = a.id)
        ORDER BY a.id LIMIT 1`,
    );
    account = { id: Number(first.id), name: String(first.name) };
    await w.post(`/api/accounts/${account.id}/payment-methods`, { paymentMethodId: 'pm_card_visa', autopay: true }).expect(201);

    panel = await openPanel(sut, { width: 1280, height: 800 });
    ({ page, base } = panel);
    // Charts grow into place; asking for reduced motion, as some staff do, pictures them whole.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await signIn(panel, DEMO_ADMIN);
    // Loading the whole demo book (accounts, bill runs, tickets, jobs) is most of this.
  }, 180_000);
  afterAll(async () => {
    await panel?.browser.close();
    await close();
    await stripe.close();
    await mail.close();
  });

  it('opens on the dashboard, the figures of the whole book', async () => {
    await page.getByRole('region', { name: 'Invoiced and paid by month' }).waitFor();
    await page.getByRole('region', { name: 'Receivables aging' }).waitFor();
    await page.getByLabel('Loading the figures').waitFor({ state: 'detached' });
    await shoot('00-dashboard');
  });

  it('finds an account from the search box', async () => {
    const search = page.getByRole('combobox', { name: 'Search accounts' });
    await search.fill(account.name);
    const option = page.getByRole('option').filter({ hasText: account.name }).first();
    await option.waitFor();
    await shoot('01-search');
    await option.click();
    await page.waitForURL(new RegExp(`#/accounts/${account.id}/show`));
    await page.getByRole('tab', { name: 'Overview', selected: true }).waitFor();
    await page.getByRole('region', { name: 'Recent logs' }).waitFor();
    await shoot('02-account-overview');
  });

  it('takes a card payment against the open invoices', async () => {
    const figures = async () => (await w.get(`/api/accounts/${account.id}/billing-figures`).expect(200)).body;
    const before = await figures();
    expect(before.balanceDue).toBeGreaterThan(0);

    await page.goto(`${base}/admin/#/accounts/${account.id}/show/billing/transactions`);
    await page.getByRole('button', { name: 'Card or bank payment' }).click();
    const pay = page.getByRole('dialog', { name: 'Take a card or bank payment' });
    const card = pay.getByRole('combobox', { name: 'Card' });
    if (!(await card.textContent())?.includes('Visa ending 4242')) {
      await card.click();
      await page.getByRole('option', { name: 'Visa ending 4242' }).click();
    }
    await pay.getByRole('textbox', { name: /^Amount/ }).fill(formatMoney(before.balanceDue));
    await shoot('03-card-payment', pay);
    await pay.getByRole('button', { name: 'Take payment' }).click();
    await pay.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Billing figures' }).getByText(usd(0)).first().waitFor();
    await shoot('04-after-payment');
    expect((await figures()).balanceDue).toBe(0);
  });

  it('reverses that payment, refunding the card', async () => {
    await page.goto(`${base}/admin/#/accounts/${account.id}/show/billing/payment-details`);
    const payments = page.getByRole('table', { name: 'Card and bank payments' });
    const row = payments.getByRole('row').filter({ hasText: 'Visa ending 4242' }).first();
    await row.getByRole('button', { name: 'Reverse' }).click();
    const reverse = page.getByRole('dialog', { name: 'Reverse this payment?' });
    await reverse.getByRole('textbox', { name: 'Reason' }).fill('Paid twice: the customer also mailed a check');
    await shoot('05-reverse-payment', reverse);
    await reverse.getByRole('button', { name: 'Reverse and refund' }).click();
    await reverse.waitFor({ state: 'detached' });
    await row
      .getByText(/refunded|reversed/i)
      .first()
      .waitFor();
    await shoot('06-after-reversal');
    const figures = (await w.get(`/api/accounts/${account.id}/billing-figures`).expect(200)).body;
    expect(figures.balanceDue).toBeGreaterThan(0);
  });

  it('emails an invoice to the billing contacts', async () => {
    const [invoice] = await sut.db.query('SELECT number FROM invoices WHERE account_id = ? ORDER BY id DESC LIMIT 1', [account.id]);
    await page.goto(`${base}/admin/#/accounts/${account.id}/show/billing/invoices`);
    await page.getByRole('button', { name: `Actions for invoice ${invoice.number}` }).click();
    await page.getByRole('menuitem', { name: 'Email invoice' }).click();
    const dialog = page.getByRole('dialog', { name: `Email invoice ${invoice.number}?` });
    await dialog.getByRole('listitem').first().waitFor();
    const addresses = (await dialog.getByRole('listitem').allInnerTexts()).map((text) => text.split('\n').pop()?.trim() ?? '');
    const recipients = addresses.length;
    await shoot('07-email-invoice', dialog);
    await dialog.getByRole('button', { name: 'Send email' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Each recipient gets a message of their own with the invoice attached (the payment's emails go to the same peer).
    const pdf = `invoice-${invoice.number}.pdf`;
    const invoiceMessages = () => mail.accepted.filter((m) => m.attachments.some((a) => a.filename === pdf));
    for (const deadline = Date.now() + 20_000; invoiceMessages().length < recipients; await new Promise((r) => setTimeout(r, 100))) {
      if (Date.now() > deadline) throw new Error(`${invoiceMessages().length} of ${recipients} invoice emails arrived`);
    }
    const sentTo = invoiceMessages().flatMap((m) => (Array.isArray(m.to) ? m.to : [m.to]).flatMap((to) => to?.value.map((v) => v.address)));
    expect(sentTo.sort()).toEqual(addresses.sort());
  });

  it('previews and runs a bill run, then releases the invoice it parked', async () => {
    // A 999.00 a month plan on the followed account: its next bill is far above its usual one, so the run parks it.
    const dedicated = await w.service(99_900, { name: 'Dedicated 10G' });
    const [{ next }] = await sut.db.query(
      "SELECT DATE_FORMAT(DATE_ADD(MAX(generated_for), INTERVAL 1 MONTH), '%Y-%m-%d') AS next FROM invoices WHERE account_id = ?",
      [account.id],
    );
    await w.addService(account.id, dedicated, next, { prorate: false });
    // Bill runs are named by their date in the run's one Temporal namespace: another spec billing the same date would make this start a no-op.
    const taken = await client.workflow
      .getHandle(workflowIds.billRun(next))
      .describe()
      .then(
        () => true,
        () => false,
      );
    if (taken) throw new Error(`another spec of this run already billed ${next}; give it another date`);

    await page.getByRole('menuitem', { name: 'Bill runs' }).click();
    await page.getByRole('button', { name: 'Preview' }).first().click();
    const preview = page.getByRole('dialog', { name: 'Preview a bill run' });
    await preview.getByLabel('Billing date').fill(next);
    await preview.getByRole('button', { name: 'Preview' }).click();
    await preview.getByRole('table', { name: 'Preview' }).getByRole('row').nth(1).waitFor();
    await shoot('08-bill-run-preview', preview);
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Start bill run' }).click();
    const start = page.getByRole('dialog', { name: 'Start a bill run' });
    await start.getByLabel('Billing date').fill(next);
    await start.getByRole('button', { name: `Bill ${next}` }).click();
    await start.waitFor({ state: 'detached' });
    // The run's row is written by its workflow's first step, a moment after the start.
    const run = await listedRun(next);
    await client.workflow.getHandle(run.workflowId).result();

    await page.goto(`${base}/admin/#/bill-runs/${run.id}/show`);
    const parked = page.getByRole('table', { name: 'Parked accounts' });
    const parkedRow = parked.getByRole('row').filter({ hasText: account.name });
    await parkedRow.getByText('parked').waitFor();
    await shoot('09-bill-run-parked');

    await parkedRow.getByRole('button', { name: 'Release' }).click();
    const release = page.getByRole('dialog', { name: `Invoice ${account.name}?` });
    await release.waitFor();
    await shoot('10-release-parked', release);
    await release.getByRole('button', { name: 'Release and invoice' }).click();
    await parkedRow.getByText('released').waitFor();
    const [invoice] = await sut.db.query('SELECT total FROM invoices WHERE account_id = ? AND generated_for = ?', [account.id, next]);
    expect(Number(invoice.total)).toBeGreaterThan(99_900);
    await w.expectBooksBalance([account.id]);
  });
});
