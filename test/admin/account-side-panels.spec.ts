import { randomUUID } from 'node:crypto';
import { BillingWorld } from '../billing/billing-world';
import { panelOnTestApp, signIn } from '../support/panel';

/** Rows on the account page open their details in a side panel: a transaction, a call, a contact; a child's invoice number links to it. */
describe('account side panels in headless Chromium', () => {
  const ui = panelOnTestApp({ width: 1280, height: 900 });

  it('opens a transaction, a call and a contact in a side panel, and links a child invoice', async () => {
    const { sut, panel } = ui;
    const { page, base } = panel;
    const run = randomUUID().slice(0, 8);
    const w = await new BillingWorld(sut).init();
    const service = await w.service(2500, { name: `Fiber ${run}` });
    const parent = await w.account();
    const child = await w.account();
    for (const id of [parent, child]) await w.addService(id, service, '2026-07-01');
    await w.post(`/api/accounts/${parent}/child-accounts`, { childAccountId: child }).expect(201);
    const parentInvoice = (await w.generate(parent, '2026-07-01')).invoice!;
    const childInvoice = (await w.generate(child, '2026-07-01')).invoice!;
    const subject = `No signal since noon ${run}`;
    await w
      .post(`/api/accounts/${parent}/call-logs`, { subject, durationSeconds: 125, notes: 'Power-cycled the ONT; back up.' })
      .expect(201);
    await sut.db.query("INSERT IGNORE INTO message_categories (name, is_default) VALUES ('Outages', 0)");
    const [category] = await sut.db.query("SELECT id FROM message_categories WHERE name = 'Outages'");
    const contactName = `Dana ${run}`;
    const admin = await sut.admin();
    await sut
      .http()
      .post('/api/contacts')
      .auth(admin.token, { type: 'bearer' })
      .send({
        accountId: parent,
        name: contactName,
        role: 'Site manager',
        phones: [{ type: 'mobile', number: '(217) 555-0142' }],
        messageCategoryIds: [Number(category.id)],
      })
      .expect(201);
    await signIn(panel, admin);

    // Transactions: the charge row opens its panel with amounts, what it is on, and who posted it.
    await page.goto(`${base}/admin/#/accounts/${parent}/show/billing/transactions`);
    await page
      .getByRole('row')
      .filter({ hasText: `Fiber ${run}` })
      .first()
      .click();
    const charge = page.getByRole('region', { name: new RegExp(`^Debit: Fiber ${run}`) });
    const details = await charge.getByRole('definition').allTextContents();
    const text = (await charge.textContent()) ?? '';
    expect(text).toContain('25.00');
    expect(text).toContain('Service period');
    expect(text).toContain('Posted by');
    await expect(charge.getByRole('link', { name: parentInvoice.number }).getAttribute('href')).resolves.toContain(
      `/invoices/${parentInvoice.id}/invoice.pdf`,
    );
    expect(details.length).toBeGreaterThan(5);
    await page.keyboard.press('Escape');
    await charge.waitFor({ state: 'detached' });

    // Call logs: the row opens the call with its whole notes.
    await page.goto(`${base}/admin/#/accounts/${parent}/show/correspondence/call-logs`);
    await page.getByRole('row').filter({ hasText: subject }).click();
    const call = page.getByRole('region', { name: `Call: ${subject}` });
    await call.getByText('Power-cycled the ONT; back up.').waitFor();
    await expect(call.textContent()).resolves.toContain('0:02:05');
    await expect(call.textContent()).resolves.toContain('Logged by');
    await page.keyboard.press('Escape');
    await call.waitFor({ state: 'detached' });

    // Contacts: the row opens the contact with phones and message categories.
    await page.goto(`${base}/admin/#/accounts/${parent}/show/contacts`);
    await page
      .getByRole('row', { name: `Contact ${contactName}` })
      .getByText(contactName)
      .click();
    const contact = page.getByRole('region', { name: contactName });
    await contact.getByRole('link', { name: /555.?0142/ }).waitFor();
    await contact.getByText('Outages').waitFor();
    await expect(contact.textContent()).resolves.toContain('Site manager');
    await page.keyboard.press('Escape');

    // The parent's invoice lists the child's, its number a link to that invoice.
    await page.goto(`${base}/admin/#/accounts/${parent}/show/billing/invoices`);
    await page.getByRole('row').filter({ hasText: parentInvoice.number }).first().click();
    await page.getByRole('tab', { name: 'Child invoices' }).click();
    const link = page
      .getByRole('table', { name: `Child invoices of ${parentInvoice.number}` })
      .getByRole('link', { name: childInvoice.number });
    await expect(link.getAttribute('href')).resolves.toContain(`/invoices/${childInvoice.id}/invoice.pdf`);
  });
});
