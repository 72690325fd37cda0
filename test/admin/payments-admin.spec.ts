import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { formatMoney } from '../../src/common/money';
import { PaymentsWorld } from '../payments/support/payments-world';
import { launchBrowser } from '../support/browser';

/** How en-US shows US dollars: "$1,234.56". */
const usd = (cents: number): string => `$${formatMoney(cents)}`;

interface Method {
  id: number;
  type: string;
  autopay: boolean;
  expYear: number | null;
}

describe('Payment details and card payments in headless Chromium (against stripe-mock)', () => {
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

  it('saves, edits and deletes methods with an autopay switch, then takes a card payment from the Transactions tab', async () => {
    const { w, sut } = world;
    const admin = await sut.admin();
    const account = await w.account();
    const invoice = await world.invoice(account, 5000);
    const methods = async () => (await w.get(`/api/accounts/${account}/payment-methods`).expect(200)).body as Method[];

    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();
    await page.goto(`${base}/admin/#/accounts/${account}/show/billing/payment-details`);
    await page.getByRole('tab', { name: 'Payment details', selected: true }).waitFor();
    await page.getByText('No card or bank account is saved on this account.').waitFor();

    // A test card from the picker, for autopay; then a test bank account.
    await page.getByRole('button', { name: 'Add credit card' }).click();
    const addCard = page.getByRole('dialog', { name: 'Add a credit card' });
    await addCard.getByRole('combobox', { name: 'Test card' }).click();
    await page.getByRole('option', { name: 'Visa, succeeds — ending 4242' }).click();
    await addCard.getByRole('textbox', { name: 'Name on the card' }).fill(`Pat Payer ${randomUUID().slice(0, 4)}`);
    await addCard.getByLabel('Use for autopay').check();
    await addCard.getByRole('button', { name: 'Save' }).click();
    await addCard.waitFor({ state: 'detached' });
    const cardRow = page.getByRole('row', { name: 'Visa ending 4242' });
    await cardRow.waitFor();
    expect(await cardRow.getByRole('switch', { name: 'Autopay with Visa ending 4242' }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Add bank account' }).click();
    const addBank = page.getByRole('dialog', { name: 'Add a bank account' });
    await addBank.getByRole('combobox', { name: 'Test bank account' }).click();
    await page.getByRole('option', { name: 'Checking, settles — ending 6789' }).click();
    await addBank.getByRole('button', { name: 'Save' }).click();
    await addBank.waitFor({ state: 'detached' });
    const bankRow = page.getByRole('row', { name: 'Checking account ending 6789' });
    await bankRow.waitFor();

    // Autopay moves to the bank account: one method at a time.
    await bankRow.getByRole('switch', { name: /^Autopay with/ }).click();
    await page.getByText('Checking account ending 6789 is now the autopay method').waitFor();
    expect((await methods()).map((m) => [m.type, m.autopay])).toEqual([
      ['card', false],
      ['bank', true],
    ]);

    // Edit the card's expiry; delete the bank account after confirming.
    await cardRow.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Visa ending 4242' });
    await edit.getByRole('textbox', { name: 'Expiry year' }).fill('2033');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await cardRow.getByText(/\/2033$/).waitFor();
    expect((await methods())[0].expYear).toBe(2033);
    await bankRow.getByRole('button', { name: 'Delete' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete Checking account ending 6789?' });
    await remove.getByRole('button', { name: 'Delete' }).click();
    await remove.waitFor({ state: 'detached' });
    await bankRow.waitFor({ state: 'detached' });
    expect((await methods()).map((m) => m.type)).toEqual(['card']);

    // Transactions: pay $30.00 of the invoice with the card; a double click still charges once.
    await page.getByRole('tablist', { name: 'Billing sections' }).getByRole('tab', { name: 'Transactions' }).click();
    await page.getByRole('button', { name: 'Card or bank payment' }).click();
    const pay = page.getByRole('dialog', { name: 'Take a card or bank payment' });
    await pay.getByRole('combobox', { name: 'Card' }).click();
    await page.getByRole('option', { name: 'Visa ending 4242' }).click();
    await pay.getByRole('textbox', { name: /^Amount/ }).fill('30.00');
    await pay.getByRole('button', { name: 'Take payment' }).dblclick();
    await pay.waitFor({ state: 'detached' });
    await page.getByText(`Card payment of ${usd(3000)} recorded`).waitFor();
    await page
      .getByRole('region', { name: 'Billing figures' })
      .getByTestId('figure-balanceDue')
      .filter({ hasText: usd(2000) })
      .waitFor();

    const payments = await world.payments(account);
    expect(payments.map((p) => [p.method, p.amount, p.status])).toEqual([['card', 3000, 'succeeded']]);
    expect(await w.invoice(invoice)).toMatchObject({ paid: 3000 });

    // The payment shows on Payment details with its receipt.
    await page.getByRole('tablist', { name: 'Billing sections' }).getByRole('tab', { name: 'Payment details' }).click();
    const paidRow = page.getByRole('row', { name: `Payment ${payments[0].id}` });
    await paidRow.getByText('Paid').waitFor();
    expect(await paidRow.getByRole('link', { name: 'Download' }).getAttribute('href')).toBe(
      `/api/transactions/${payments[0].transactionId}/receipt.pdf`,
    );

    // Reversed with a refund, after a confirmation: the invoice is owed again and one refund went to Stripe.
    await paidRow.getByRole('button', { name: 'Reverse' }).click();
    const reverse = page.getByRole('dialog', { name: 'Reverse this payment?' });
    await reverse.getByRole('checkbox', { name: /Refund the same amount/ }).waitFor();
    await reverse.getByRole('button', { name: 'Reverse and refund' }).click();
    await paidRow.getByText('Refunded').or(paidRow.getByText('Reversed')).waitFor();
    expect(await w.invoice(invoice)).toMatchObject({ paid: 0 });
    const [{ n }] = await world.sut.db.query('SELECT COUNT(*) AS n FROM processor_refunds WHERE payment_id = ?', [payments[0].id]);
    expect(Number(n)).toBe(1);

    // The payment's own sections on Transactions: details with the processor's record, the void, the refund, where it went.
    await page.getByRole('tablist', { name: 'Billing sections' }).getByRole('tab', { name: 'Transactions' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: 'Card payment (Visa ending 4242)' })
      .filter({ hasNotText: 'Void of' })
      .getByText('Card payment (Visa ending 4242)')
      .click();
    const expanded = page.getByRole('region', { name: `Transaction ${payments[0].transactionId}` });
    const sections = expanded.getByRole('tablist', { name: `Transaction ${payments[0].transactionId} sections` });
    expect(await sections.getByRole('tab').allTextContents()).toEqual(['Details', 'Reversals', 'Refunds', 'Credits']);
    const processor = expanded.getByLabel(`Processor details of payment ${payments[0].id}`);
    await processor.getByText('Visa ending 4242').waitFor();
    await processor.getByText(/^(Refunded|Reversed)$/).waitFor();
    await expanded.getByText(payments[0].stripePaymentIntentId as string).waitFor();
    await sections.getByRole('tab', { name: 'Reversals' }).click();
    await expanded
      .getByRole('table', { name: `Reversals of transaction ${payments[0].transactionId}` })
      .getByText(/Void of Card payment/)
      .waitFor();
    await sections.getByRole('tab', { name: 'Refunds' }).click();
    const refunds = expanded.getByRole('table', { name: `Refunds of transaction ${payments[0].transactionId}` });
    await refunds.getByRole('cell', { name: usd(3000) }).waitFor();
    await sections.getByRole('tab', { name: 'Credits' }).click();
    await expanded.getByText('credit voided').waitFor();
    await w.expectBooksBalance([account]);
  }, 180_000);

  it('keeps a declined card’s dialog open with the processor’s reason', async () => {
    const { w } = world;
    const account = await w.account();
    await world.savedMethod(account, 'pm_card_chargeDeclined');
    await page.goto(`${base}/admin/#/accounts/${account}/show/billing/transactions`);
    await page.getByRole('button', { name: 'Card or bank payment' }).click();
    const pay = page.getByRole('dialog', { name: 'Take a card or bank payment' });
    await pay.getByRole('combobox', { name: 'Card' }).click();
    await page.getByRole('option', { name: 'Visa ending 0002' }).click();
    await pay.getByRole('textbox', { name: /^Amount/ }).fill('12.34');
    await pay.getByRole('button', { name: 'Take payment' }).click();
    await pay.getByRole('alert').filter({ hasText: 'Your card was declined.' }).waitFor();
    expect((await world.payments(account)).map((p) => p.status)).toEqual(['failed']);
    expect(await world.ledgerPayments(account)).toEqual([]);
    await w.expectBooksBalance([account]);
  }, 120_000);
});
