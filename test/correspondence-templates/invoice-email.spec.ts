import { randomUUID } from 'node:crypto';
import { formatMoney } from '../../src/common/money';
import { PdfScratch } from '../documents/pdf-text';
import { emailWorld, EmailWorld, settled } from '../email/email-world';
import { auditEntries, newRequestId } from '../notes/account-fixture';
import { addContact, billingCategoryId } from './correspondence-fixture';

const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

/** "Email invoice": one message per billing contact, the invoice PDF attached, the right figures in the body. */
describe('emailing an invoice to the billing contacts', () => {
  let world: EmailWorld;
  const pdfs = new PdfScratch();
  const accounts: number[] = [];

  beforeAll(async () => {
    world = await emailWorld([]);
  });
  afterAll(async () => {
    pdfs.close();
    await world.w.expectBooksBalance(accounts);
    await world.close();
  });

  it('sends the invoice to each contact with an address and the Billing category, and to no one else', async () => {
    const { w, sut, peer } = world;
    const category = await billingCategoryId(sut);
    await w.today('2026-08-01');
    const account = await w.account({ billMode: 'invoice' });
    accounts.push(account);
    const tax = await w.tax(50000, `Mail tax ${Date.now()}`);
    await w.addService(account, await w.service(4000, { taxIds: [tax], name: `Fiber inv mail ${Date.now()}` }), '2026-08-01');
    const generated = (await w.generate(account, '2026-08-01')).invoice!;
    await w.pay(account, 1000);
    const invoice = await w.invoice(generated.id);
    // 4000 + 5 % = 4200 total, 1000 paid, 3200 still due
    expect(invoice).toMatchObject({ total: 4200, paid: 1000, remaining: 3200 });

    const first = await addContact(w, account, { email: address('first'), categoryIds: [category] });
    const second = await addContact(w, account, { email: address('second'), categoryIds: [category] });
    await addContact(w, account, { email: address('not-billing'), categoryIds: [] });
    await addContact(w, account, { email: null, categoryIds: [category] });

    const preview = await w.get(`/api/invoices/${invoice.id}/email-recipients`).expect(200);
    expect(preview.body).toMatchObject({ invoiceId: invoice.id, billMode: 'invoice', templateKey: 'invoice', categoryName: 'Billing' });
    expect(preview.body.recipients.map((r: { contactId: number }) => r.contactId).sort()).toEqual([first.id, second.id].sort());

    const requestId = newRequestId('email-invoice');
    const res = await w.post(`/api/invoices/${invoice.id}/email`).set('X-Request-Id', requestId).expect(201);
    expect(res.body).toMatchObject({ invoiceId: invoice.id, billMode: 'invoice' });
    expect(res.body.emails).toHaveLength(2);
    for (const e of res.body.emails)
      expect(await settled(w, e.emailId)).toMatchObject({
        status: 'sent',
        templateKey: 'invoice',
        related: { type: 'invoice', id: invoice.id },
      });
    const actions = (await auditEntries(sut, requestId)).map((e) => e.action);
    expect(actions.filter((a) => a === 'invoice.email')).toHaveLength(1);

    const mails = await peer.waitForAccepted(2);
    expect(mails.map((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address).sort()).toEqual([first.email, second.email].sort());
    const currency = sut.config.CURRENCY;
    for (const mail of mails) {
      expect(mail.subject).toContain(invoice.number);
      for (const figure of [
        invoice.number,
        formatMoney(4200, currency),
        formatMoney(3200, currency),
        invoice.dueDate,
        invoice.invoiceDate,
      ]) {
        expect(mail.text).toContain(figure);
      }
      expect(mail.attachments).toHaveLength(1);
      const [pdf] = mail.attachments;
      expect(pdf).toMatchObject({ filename: `invoice-${invoice.number}.pdf`, contentType: 'application/pdf' });
      expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await pdfs.pages(pdf.content)).join('\n')).toContain(invoice.number);
    }
    const names = mails.map((m) => m.text ?? '');
    expect(names.some((t) => t.includes(`Hello ${first.name}`))).toBe(true);
    expect(names.some((t) => t.includes(`Hello ${second.name}`))).toBe(true);
  });

  it('refuses with 422 naming the category when no contact would receive it, and queues nothing', async () => {
    const { w, sut } = world;
    await w.today('2026-08-01');
    const account = await w.account();
    accounts.push(account);
    await w.addService(account, await w.service(1500, { name: `Nobody ${Date.now()}` }), '2026-08-01');
    const invoice = (await w.generate(account, '2026-08-01')).invoice!;
    await addContact(w, account, { email: address('unticked'), categoryIds: [] });
    const res = await w.post(`/api/invoices/${invoice.id}/email`).expect(422);
    expect(res.body.message).toContain('"Billing" message category');
    const [{ n }] = await sut.db.query('SELECT COUNT(*) AS n FROM emails WHERE account_id = ?', [account]);
    expect(Number(n)).toBe(0);
    await w.post('/api/invoices/999999999/email').expect(404);
  });
});
