import { randomUUID } from 'node:crypto';
import { insertAccount } from '../contacts/account-fixture';
import { panelOnTestApp, signIn } from '../support/panel';

/** A patterned custom field: the admin sets its example on the settings screen, and the account form shows that example, never the pattern. */
describe('custom field example in headless Chromium', () => {
  const ui = panelOnTestApp({ width: 1280, height: 900 });
  beforeAll(async () => signIn(ui.panel, await ui.sut.admin()));

  it('sets an example on the settings screen and shows it as help on the account form', async () => {
    const { sut, panel } = ui;
    const { page, base } = panel;
    const run = randomUUID().slice(0, 8);
    const circuit = `Circuit ${run}`;
    const port = `Port ${run}`;
    await page.goto(`${base}/admin/#/custom-fields/create`);
    await page.getByLabel('Name').fill(circuit);
    await page.getByLabel('Pattern').fill('^CIR-[0-9]{6}$');
    await page.getByLabel('Example value').fill('CIR-42');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The example does not match the pattern').waitFor();
    await page.getByLabel('Example value').fill('CIR-004211');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/custom-fields$/);
    const [saved] = await sut.db.query('SELECT example FROM custom_fields WHERE name = ?', [circuit]);
    expect(saved.example).toBe('CIR-004211');
    // A patterned field with no example.
    await sut.db.query(
      "INSERT INTO custom_fields (entity_type, name, type, pattern, position) VALUES ('account', ?, 'text', '^P[0-9]+$', 99)",
      [port],
    );

    const account = await insertAccount(sut.db, `Example ${run}`);
    await page.goto(`${base}/admin/#/accounts/${account}`);
    const circuitInput = page.getByLabel(circuit);
    await circuitInput.waitFor();
    const help = page.locator(`#${(await circuitInput.getAttribute('id'))!}-helper-text`);
    await expect(help.textContent()).resolves.toBe('e.g. CIR-004211');
    await page.getByLabel(port).waitFor();
    const form = (await page.locator('form').textContent()) ?? '';
    expect(form).not.toContain('[0-9]');
    expect(form).not.toContain('Format:');
  });
});
