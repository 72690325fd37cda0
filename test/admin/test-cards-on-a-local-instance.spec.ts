import type { Page } from 'playwright-core';
import { formatMoney } from '../../src/common/money';
import { BillingWorld } from '../billing/billing-world';
import { openPanel, signIn, type Panel } from '../support/panel';
import { freePort, waitUntil } from '../support/processes';
import { startStripeTestModeProcess, type StripeTestModeProcess } from '../support/stripe-test-mode-process';
import { createTestApp, type TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';

const usd = (cents: number): string => `$${formatMoney(cents)}`;

interface Payment {
  id: number;
  method: string;
  amount: number;
  status: string;
  failureReason: string | null;
}

/**
 * A local instance as `npm run dev` runs it: the API talks to the compiled Stripe test mode
 * process in front of stripe-mock, which settles bank debits a moment later and tells the
 * API through its signed webhook. No publishable key, so the panel offers Stripe's test
 * methods, labelled as test data.
 */
describe('Test cards and bank accounts on a local instance, in headless Chromium at 1280×800', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let stripe: StripeTestModeProcess;
  let panel: Panel;
  let page: Page;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    // The webhook sender must know where the API listens before either starts.
    const port = await freePort();
    const webhookSecret = 'whsec_local_instance';
    stripe = await startStripeTestModeProcess({
      webhookUrl: `http://127.0.0.1:${port}/api/webhooks/stripe`,
      webhookSecret,
      settleSeconds: 1,
    });
    sut = await createTestApp({ STRIPE_API_BASE: stripe.url, STRIPE_WEBHOOK_SECRET: webhookSecret });
    w = await new BillingWorld(sut).init();
    ({ stop: stopWorker } = await startTestWorker(sut));
    panel = await openPanel(sut, { width: 1280, height: 800 }, { port });
    page = panel.page;
    await signIn(panel, await sut.admin());
  });
  afterAll(async () => {
    await panel?.browser.close();
    await stopWorker?.();
    await sut?.close();
    await stripe?.stop();
  });

  const payments = async (account: number) => (await w.get(`/api/accounts/${account}/processor-payments`).expect(200)).body as Payment[];

  async function addTestMethod(type: 'card' | 'bank', choice: string, autopay = false): Promise<void> {
    await page.getByRole('button', { name: type === 'card' ? 'Add credit card' : 'Add bank account' }).click();
    const dialog = page.getByRole('dialog', { name: type === 'card' ? 'Add a credit card' : 'Add a bank account' });
    await dialog.getByText(/^Test data:/).waitFor();
    expect(await dialog.getByRole('textbox', { name: /Stripe payment method/ }).count()).toBe(0);
    await dialog.getByRole('combobox', { name: type === 'card' ? 'Test card' : 'Test bank account' }).click();
    await page.getByRole('option', { name: choice }).click();
    if (autopay) await dialog.getByLabel('Use for autopay').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async function openPaymentDialog() {
    await page.getByRole('tablist', { name: 'Billing sections' }).getByRole('tab', { name: 'Transactions' }).click();
    await page.getByRole('button', { name: 'Card or bank payment' }).click();
    return page.getByRole('dialog', { name: 'Take a card or bank payment' });
  }

  it('saves a test card from the picker, charges it, and shows a declining card’s reason once, in words', async () => {
    const account = await w.account();
    const service = await w.service(5000, { kind: 'one_time' });
    await w.post('/api/invoices', { accountId: account, lines: [{ serviceId: service, price: 5000 }] }).expect(201);
    await page.goto(`${panel.base}/admin/#/accounts/${account}/show/billing/payment-details`);
    await page.getByText('No card or bank account is saved on this account.').waitFor();

    await addTestMethod('card', 'Visa, succeeds — ending 4242', true);
    await page.getByRole('row', { name: 'Visa ending 4242' }).waitFor();

    // The autopay card is already chosen: the clerk types the amount and takes the payment.
    let pay = await openPaymentDialog();
    await pay.getByRole('combobox', { name: 'Card' }).filter({ hasText: 'Visa ending 4242' }).waitFor();
    await pay.getByRole('textbox', { name: /^Amount/ }).fill('30.00');
    await pay.getByRole('button', { name: 'Take payment' }).click();
    await pay.waitFor({ state: 'detached' });
    await page.getByText(`Card payment of ${usd(3000)} recorded`).waitFor();
    expect((await payments(account)).map((p) => [p.method, p.amount, p.status])).toEqual([['card', 3000, 'succeeded']]);

    await page.getByRole('tablist', { name: 'Billing sections' }).getByRole('tab', { name: 'Payment details' }).click();
    await addTestMethod('card', 'Declined (insufficient funds) — ending 9995');
    await page.getByRole('row', { name: 'Visa ending 9995' }).waitFor();

    pay = await openPaymentDialog();
    await pay.getByRole('combobox', { name: 'Card' }).click();
    await page.getByRole('option', { name: 'Visa ending 9995' }).click();
    await pay.getByRole('textbox', { name: /^Amount/ }).fill('12.34');
    await pay.getByRole('button', { name: 'Take payment' }).click();
    const alert = pay.getByRole('alert');
    await alert.waitFor();
    expect(await alert.count()).toBe(1);
    expect((await alert.innerText()).trim()).toBe('The payment was declined: Your card has insufficient funds.');
    expect(await pay.getByText('insufficient funds', { exact: false }).count()).toBe(1);
    expect(await pay.innerText()).not.toMatch(/paymentMethodId|insufficient_funds/);
    await pay.getByRole('button', { name: 'Cancel' }).click();

    const [declined] = (await payments(account)).filter((p) => p.status === 'failed');
    expect(declined).toMatchObject({ amount: 1234, failureReason: 'Your card has insufficient funds. (insufficient_funds)' });
    // The payments list tells the reason in the same words, without Stripe's code for machines.
    await page.getByRole('tablist', { name: 'Billing sections' }).getByRole('tab', { name: 'Payment details' }).click();
    const failedRow = page.getByRole('row', { name: `Payment ${declined.id}` });
    await failedRow.getByText('Failed').waitFor();
    await failedRow.getByText('Your card has insufficient funds.', { exact: true }).waitFor();
    expect(await failedRow.innerText()).not.toContain('insufficient_funds');
    await w.expectBooksBalance([account]);
  }, 180_000);

  it('submits a bank payment that the bank settles later, through the test mode’s signed webhook', async () => {
    const account = await w.account();
    await page.goto(`${panel.base}/admin/#/accounts/${account}/show/billing/payment-details`);
    await page.getByText('No card or bank account is saved on this account.').waitFor();
    await addTestMethod('bank', 'Checking, settles — ending 6789');
    await page.getByRole('row', { name: 'Checking account ending 6789' }).waitFor();

    // The only saved method: the dialog opens on it, bank account and all.
    const pay = await openPaymentDialog();
    await pay.getByRole('radio', { name: 'Bank account', checked: true }).waitFor();
    await pay.getByRole('combobox', { name: 'Bank account' }).filter({ hasText: 'Checking account ending 6789' }).waitFor();
    await pay.getByRole('textbox', { name: /^Amount/ }).fill('20.00');
    await pay.getByRole('button', { name: 'Take payment' }).click();
    await pay.waitFor({ state: 'detached' });
    await page.getByText(`Bank payment of ${usd(2000)} submitted; it is recorded when the bank settles it`).waitFor();
    expect((await payments(account)).map((p) => p.status)).toEqual(['pending']);

    // No test hook settles it: the test mode's own timer does, and its webhook reaches the API.
    await waitUntil(
      'the bank debit to settle through the webhook',
      async () => (await payments(account))[0].status === 'succeeded',
      60_000,
    );
    const [{ n }] = await sut.db.query(
      "SELECT COUNT(*) AS n FROM webhook_events WHERE type = 'payment_intent.succeeded' AND object_id = ?",
      [(await w.get(`/api/accounts/${account}/processor-payments`).expect(200)).body[0].stripePaymentIntentId],
    );
    expect(Number(n)).toBe(1);
    await page.reload();
    await page.getByRole('tablist', { name: 'Billing sections' }).getByRole('tab', { name: 'Payment details' }).click();
    await page
      .getByRole('row', { name: /^Payment \d+/ })
      .getByText('Paid')
      .waitFor();
    await w.expectBooksBalance([account]);
  }, 180_000);
});
