import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { LedgerService } from '../../src/billing/ledger.service';
import { formatMoney } from '../../src/common/money';
import { insertAccount } from '../contacts/account-fixture';
import { launchBrowser } from '../support/browser';
import { waitUntil } from '../support/processes';
import { createTestApp, TestApp } from '../support/test-app';

/** How en-US shows US dollars: "$1,234.56", "-$0.05". */
const usd = (cents: number): string => `${cents < 0 ? '-' : ''}$${formatMoney(Math.abs(cents))}`;

/** Cents as typed into a money input: 1234 → "12.34". */
const typed = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

const exactly = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

interface Figures {
  dueNow: number;
  balanceDue: number;
  availableCredits: number;
  totalBalance: number;
  uninvoiced: number;
}

describe('account Billing tab in headless Chromium', () => {
  let sut: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    sut = await createTestApp();
    await sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true, locale: 'en-US' });
  });
  afterAll(async () => {
    await browser?.close();
    await sut.close();
  });

  it('adds a prorated service, invoices it, takes part payment and voids the invoice, with the banner following each step', async () => {
    const admin = await sut.admin();
    const auth = { Authorization: `Bearer ${admin.token}` };
    const api = {
      get: async <T>(path: string): Promise<T> => (await sut.http().get(path).set(auth).expect(200)).body as T,
      list: async <T>(resource: string, filter: object): Promise<T[]> =>
        (
          await sut
            .http()
            .get(`/api/${resource}`)
            .query({ filter: JSON.stringify(filter), range: '[0,999]' })
            .set(auth)
            .expect(200)
        ).body as T[],
    };
    // Other suites share the database: names unique to this run keep every lookup unambiguous.
    const run = randomUUID().slice(0, 8);
    const serviceName = `Fiber 300 ${run}`;
    await sut
      .http()
      .post('/api/services')
      .set(auth)
      .send({ name: serviceName, kind: 'recurring', price: 3000, ledgerCode: '4000', taxIds: [] })
      .expect(201);
    const accountId = await insertAccount(sut.db, `Billing UI ${run}`);
    await sut
      .http()
      .put(`/api/accounts/${accountId}/billing-config`)
      .set(auth)
      .send({
        billingMode: 'fixed',
        invoiceDay: 1,
        billTiming: 'advance',
        prorateServices: true,
        prorationRounding: 'cent',
        dueDays: 14,
        taxExempt: false,
      })
      .expect(200);
    const today = sut.app.get(LedgerService).today();
    const figures = () => api.get<Figures>(`/api/accounts/${accountId}/billing-figures`);

    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();

    // Billing → Services & Packages: the service, prorated from today.
    await page.goto(`${base}/admin/#/accounts/${accountId}/show`);
    await page.getByRole('tab', { name: 'Billing', exact: true }).click();
    const billingTabs = page.getByRole('tablist', { name: 'Billing sections' });
    await billingTabs.getByRole('tab', { name: 'Services & Packages' }).click();
    await page.waitForURL(/\/show\/billing\/services$/);
    await page.getByRole('button', { name: 'Add service or package' }).click();
    const addDialog = page.getByRole('dialog', { name: 'Add a service or package' });
    await addDialog.getByRole('combobox', { name: 'Service' }).fill(serviceName);
    await page.getByRole('option', { name: new RegExp(serviceName) }).click();
    await addDialog.getByLabel('Date').fill(today);
    const prorate = addDialog.getByLabel(/^Prorate/);
    await prorate.check();
    expect(await prorate.isChecked()).toBe(true);
    await addDialog.getByRole('button', { name: 'Add to account' }).click();
    await addDialog.waitFor({ state: 'detached' });
    const serviceRow = page.getByRole('row', { name: `Service ${serviceName}` });
    await serviceRow.getByText(usd(3000)).first().waitFor();

    // Invoices: one invoice holding what waits (the prorated days), or the billing date's invoice when today starts a period.
    await billingTabs.getByRole('tab', { name: 'Invoices' }).click();
    const banner = page.getByRole('region', { name: 'Billing figures' });
    const figure = (key: keyof Figures | 'nextRecurringCharge'): Locator => banner.getByTestId(`figure-${key}`);
    if ((await figures()).uninvoiced > 0) {
      await page.getByRole('button', { name: 'Create invoice' }).click();
      const createDialog = page.getByRole('dialog', { name: 'Create an invoice' });
      await createDialog.getByLabel(/^Include the charges waiting/).check();
      await createDialog.getByRole('button', { name: 'Create invoice' }).click();
      await createDialog.waitFor({ state: 'detached' });
    } else {
      await page.getByRole('button', { name: 'Generate for billing date' }).click();
      const generateDialog = page.getByRole('dialog', { name: 'Generate the invoice for a billing date' });
      await generateDialog.getByLabel(/^Billing date/).fill(today);
      await generateDialog.getByRole('button', { name: 'Generate' }).click();
      await generateDialog.waitFor({ state: 'detached' });
    }
    const [invoice] = await api.list<{ id: number; number: string; total: number }>('invoices', { accountId });
    expect(invoice).toBeDefined();
    const charges = (await api.list<{ side: string; total: number; invoiceId: number | null }>('transactions', { accountId })).filter(
      (t) => t.side === 'debit' && t.invoiceId === invoice.id,
    );
    const charged = charges.reduce((sum, t) => sum + t.total, 0);
    expect(charged).toBeGreaterThan(0);
    expect(charged).toBeLessThanOrEqual(3000);
    expect(invoice.total).toBe(charged);
    await page.locator('tbody tr').filter({ hasText: invoice.number }).waitFor();
    await figure('balanceDue')
      .filter({ hasText: exactly(usd(charged)) })
      .waitFor();
    await figure('availableCredits')
      .filter({ hasText: exactly(usd(0)) })
      .waitFor();
    await figure('totalBalance')
      .filter({ hasText: exactly(usd(charged)) })
      .waitFor();
    await figure('nextRecurringCharge')
      .filter({ hasText: exactly(usd(3000)) })
      .waitFor();

    // Generating again starts from the date the bill run would invoice next; a date with nothing due is information, not success.
    const { nextBillingDate } = await api.get<{ nextBillingDate: string | null }>(`/api/accounts/${accountId}/billing-figures`);
    expect(nextBillingDate).not.toBeNull();
    await page.getByRole('button', { name: 'Generate for billing date' }).click();
    const again = page.getByRole('dialog', { name: 'Generate the invoice for a billing date' });
    const dateInput = again.getByLabel(/^Billing date/);
    await waitUntil('the billing date to default to the next one', async () => (await dateInput.inputValue()) === nextBillingDate, 10_000);
    await dateInput.fill('2020-01-01');
    await again.getByRole('button', { name: 'Generate' }).click();
    await again.waitFor({ state: 'detached' });
    const toast = page.getByRole('alert').filter({ hasText: 'Nothing to invoice for 2020-01-01' });
    await toast.waitFor();
    // react-admin's information toast is grey; a success toast would be the theme's green.
    const background = await toast.evaluate(
      (e) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(e).backgroundColor,
    );
    expect(background).toBe('rgb(49, 49, 50)');

    // Transactions: a cash payment of part of it. A double click still pays once (one Idempotency-Key per dialog).
    const payment = Math.max(1, Math.floor(charged / 2));
    await billingTabs.getByRole('tab', { name: 'Transactions' }).click();
    await page.getByRole('button', { name: 'Cash, check or wire payment' }).click();
    const payDialog = page.getByRole('dialog', { name: 'Take a cash, check or wire payment' });
    await payDialog.getByRole('textbox', { name: /^Amount/ }).fill(typed(payment));
    await payDialog.getByRole('button', { name: 'Take payment' }).dblclick();
    await payDialog.waitFor({ state: 'detached' });
    await page.locator('tbody tr').filter({ hasText: 'Payment' }).first().waitFor();
    const payments = await api.list<{ total: number }>('transactions', { accountId, kind: 'payment' });
    expect(payments.map((p) => p.total)).toEqual([payment]);
    expect(await figures()).toMatchObject({ balanceDue: charged - payment, availableCredits: 0 });

    // Back on Invoices, the banner shows the payment.
    await billingTabs.getByRole('tab', { name: 'Invoices' }).click();
    await figure('balanceDue')
      .filter({ hasText: exactly(usd(charged - payment)) })
      .waitFor();
    await figure('availableCredits')
      .filter({ hasText: exactly(usd(0)) })
      .waitFor();

    // Void the invoice: nothing is owed and the payment is free credit again.
    await page.getByRole('button', { name: `Actions for invoice ${invoice.number}` }).click();
    await page.getByRole('menuitem', { name: 'Void' }).click();
    const voidDialog = page.getByRole('dialog', { name: `Void invoice ${invoice.number}?` });
    await voidDialog.getByText('This cannot be undone.', { exact: false }).waitFor();
    await voidDialog.getByRole('button', { name: 'Void invoice' }).click();
    await voidDialog.waitFor({ state: 'detached' });
    await figure('balanceDue')
      .filter({ hasText: exactly(usd(0)) })
      .waitFor();
    await figure('availableCredits')
      .filter({ hasText: exactly(usd(payment)) })
      .waitFor();
    await page.locator('tbody tr').filter({ hasText: invoice.number }).first().getByText('Void', { exact: true }).first().waitFor();
    expect(await figures()).toMatchObject({ balanceDue: 0, availableCredits: payment });
    await page.screenshot({ path: `${process.env.TEST_SCRATCH_DIR}/billing-tab.png`, fullPage: true });

    // The Overview's Due now card agrees.
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page
      .getByTestId('due-now')
      .filter({ hasText: exactly(usd(0)) })
      .waitFor();

    // The services list exports its rows as CSV with readable prices.
    await page.getByRole('menuitem', { name: 'Services', exact: true }).click();
    await page.locator('tbody tr').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    const line = csv.split('\n').find((row) => row.includes(serviceName));
    expect(line).toContain('30.00');
  }, 180_000);
});
