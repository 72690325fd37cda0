import { randomUUID } from 'node:crypto';
import { BillingWorld } from '../billing/billing-world';
import { panelOnTestApp, signIn } from '../support/panel';

/** The header search box finds an account by an invoice number or a unique custom field value and says which matched. */
describe('header search shows what matched, in headless Chromium', () => {
  const ui = panelOnTestApp({ width: 1280, height: 900 });

  it('finds an account by invoice number and by circuit id', async () => {
    const { sut, panel } = ui;
    const { page } = panel;
    const run = randomUUID().slice(0, 8);
    const w = await new BillingWorld(sut).init();
    const account = await w.account();
    await w.addService(account, await w.service(2000), '2026-07-01');
    const { invoice } = await w.generate(account, '2026-07-01');
    const field = (await w.post('/api/custom-fields', { name: `Circuit ${run}`, type: 'text', unique: true }).expect(201)).body;
    await w.put(`/api/accounts/${account}`, { customFields: { [field.id]: `CIR-${run}` } }).expect(200);
    const [{ name }] = await sut.db.query('SELECT name FROM accounts WHERE id = ?', [account]);
    await signIn(panel, await sut.admin());

    const box = page.getByRole('combobox', { name: 'Search accounts' });
    await box.fill(invoice!.number);
    const byInvoice = page.getByRole('option').filter({ hasText: name });
    await byInvoice.getByText(`Matched invoice ${invoice!.number}`).waitFor();

    await box.fill(`CIR-${run}`);
    await page.getByRole('option').filter({ hasText: name }).getByText(`Matched custom field Circuit ${run}: CIR-${run}`).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/accounts/${account}/show`));
  });
});
