import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { emailWorld, EmailWorld, settled } from '../email/email-world';
import { launchBrowser } from '../support/browser';
import { addContact, billingCategoryId, queuedEmails } from './correspondence-fixture';

/** The admin's template editor and the "Email invoice" action, in headless Chromium. */
describe('message templates and Email invoice in the admin', () => {
  let world: EmailWorld;
  let browser: Browser;
  let page: Page;
  let base: string;
  const accounts: number[] = [];

  beforeAll(async () => {
    world = await emailWorld([]);
    await world.sut.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(world.sut.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
    const admin = await world.sut.admin();
    await page.goto(`${base}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Accounts' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await world.w.expectBooksBalance(accounts);
    await world.close();
  });

  it('lists the recipients before sending, sends, and says so', async () => {
    const { w, sut, peer } = world;
    const account = await w.account();
    accounts.push(account);
    const oneTime = await w.service(2100, { kind: 'one_time', name: `Install ${randomUUID().slice(0, 8)}` });
    const invoice = (await w.post('/api/invoices', { accountId: account, lines: [{ serviceId: oneTime, price: 2100 }] }).expect(201)).body;
    const contact = await addContact(w, account, {
      email: `ui-${randomUUID().slice(0, 8)}@example.com`,
      categoryIds: [await billingCategoryId(sut)],
    });

    await page.goto(`${base}/admin/#/accounts/${account}/show/billing/invoices`);
    await page.getByRole('button', { name: `Actions for invoice ${invoice.number}` }).click();
    await page.getByRole('menuitem', { name: 'Email invoice' }).click();
    const dialog = page.getByRole('dialog', { name: `Email invoice ${invoice.number}?` });
    await dialog.getByRole('list', { name: 'Recipients' }).getByText(contact.email!).waitFor();
    await dialog.getByRole('button', { name: 'Send email' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Invoice ${invoice.number} queued for 1 recipient`).waitFor();

    const [queued] = await queuedEmails(sut, account);
    expect(queued).toMatchObject({ contactId: contact.id, templateKey: 'invoice' });
    expect(await settled(w, queued.id)).toMatchObject({ status: 'sent' });
    const mails = await peer.waitForAccepted(1);
    expect(mails[0].subject).toContain(invoice.number);
  });

  it('edits a template beside its merge fields, refuses an unknown field and previews the draft', async () => {
    const { w, sut } = world;
    const key = `ui_${randomUUID().slice(0, 8)}`;
    await sut.db.query('INSERT INTO message_templates (template_key, name, category_id, subject, body_text) VALUES (?, ?, ?, ?, ?)', [
      key,
      `UI template ${key}`,
      await billingCategoryId(sut),
      'Hello {{account.name}}',
      'Body',
    ]);
    const account = await w.account();
    accounts.push(account);
    const [{ name: accountName }] = await sut.db.query('SELECT name FROM accounts WHERE id = ?', [account]);

    await page.goto(`${base}/admin/#/message-templates`);
    await page
      .getByRole('row', { name: /Invoice/ })
      .first()
      .waitFor();
    await page.goto(`${base}/admin/#/message-templates/${key}`);
    const fields = page.getByRole('list', { name: 'Merge fields' });
    await fields.getByText('{{invoice.balance_due}}').waitFor();

    const body = page.getByRole('textbox', { name: 'Message', exact: true });
    await body.fill('Dear {{contact.nam}}');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('is not a merge field', { exact: false }).first().waitFor();
    expect((await w.get(`/api/message-templates/${key}`).expect(200)).body.bodyText).toBe('Body');

    await body.fill('Account {{account.name}} number {{account.id}}');
    await page.getByRole('textbox', { name: 'Account' }).fill(String(account));
    await page.getByRole('button', { name: 'Preview' }).click();
    const rendered = page.getByLabel('Rendered message');
    await rendered.getByText(`Account ${accountName} number ${account}`).waitFor();
    await rendered.getByText(`Hello ${accountName}`).waitFor();

    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/message-templates$/);
    expect((await w.get(`/api/message-templates/${key}`).expect(200)).body.bodyText).toBe('Account {{account.name}} number {{account.id}}');
  });
});
