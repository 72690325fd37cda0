import { BillingWorld } from '../billing/billing-world';
import { panelOnTestApp, signIn } from '../support/panel';

/** A service on the account is edited from its row's Edit button, beside Remove, and the table still fits 1280 px. */
describe('editing an account service in headless Chromium', () => {
  const ui = panelOnTestApp({ width: 1280, height: 900 });

  it('changes quantity and price from the Edit dialog', async () => {
    const { sut, panel } = ui;
    const { page, base } = panel;
    const w = await new BillingWorld(sut).init();
    const account = await w.account();
    const serviceName = `Static IP ${Date.now()}`;
    await w.addService(account, await w.service(1500, { name: serviceName }), '2026-07-01');
    await signIn(panel, await sut.admin());

    await page.goto(`${base}/admin/#/accounts/${account}/show/billing/services`);
    const row = page.getByRole('row', { name: `Service ${serviceName}` });
    await row.getByRole('button', { name: `Remove ${serviceName}` }).waitFor();
    await row.getByRole('button', { name: `Edit ${serviceName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${serviceName}` });
    await dialog.getByLabel('Quantity').fill('0');
    await dialog.getByText('A whole number from 1').waitFor();
    await expect(dialog.getByRole('button', { name: 'Save changes' }).isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('Quantity').fill('3');
    await dialog.getByLabel(/Price override/).fill('45.00');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });

    const [edited] = await sut.db.query(
      'SELECT quantity, price_override FROM account_services WHERE account_id = ? AND removed_on IS NULL ORDER BY id DESC',
      [account],
    );
    expect({ quantity: Number(edited.quantity), priceOverride: Number(edited.price_override) }).toEqual({
      quantity: 3,
      priceOverride: 4500,
    });
    const [{ n }] = await sut.db.query(
      "SELECT COUNT(*) AS n FROM action_history WHERE action = 'account_service.edit' AND account_id = ?",
      [account],
    );
    expect(Number(n)).toBe(1);
    await page
      .getByRole('row', { name: `Service ${serviceName}` })
      .getByText('45.00')
      .waitFor();
    // The row's actions fit: nothing scrolls sideways at 1280 px.
    // A string, since the test's types know no DOM: the table and each box around it, up to the page.
    const overflow = await page.evaluate(`(() => {
      let node = document.querySelector('table[aria-label="Services and packages"]');
      while (node && node !== document.body) {
        if (node.scrollWidth > node.clientWidth + 1) return node.scrollWidth - node.clientWidth;
        node = node.parentElement;
      }
      return 0;
    })()`);
    expect(overflow).toBe(0);
  });
});
