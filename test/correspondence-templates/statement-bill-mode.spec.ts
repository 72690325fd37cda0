import { randomUUID } from 'node:crypto';
import { formatMoney } from '../../src/common/money';
import { PdfScratch } from '../documents/pdf-text';
import { emailWorld, EmailWorld, settled } from '../email/email-world';
import { InvoiceEmailService } from '../../src/correspondence-templates/invoice-email.service';
import { addContact, billingCategoryId, queuedEmails } from './correspondence-fixture';

/** An account billed by statement gets the statement wording and the statement PDF. */
describe('emailing the bill of an account in statement bill mode', () => {
  let world: EmailWorld;
  const pdfs = new PdfScratch();
  let account: number;
  const batch: number[] = [];

  beforeAll(async () => {
    world = await emailWorld([]);
  });
  afterAll(async () => {
    pdfs.close();
    await world.w.expectBooksBalance([account, ...batch]);
    await world.close();
  });

  it('attaches the statement and states the balance', async () => {
    const { w, sut, peer } = world;
    await w.today('2026-07-01');
    account = await w.account({ billMode: 'statement' });
    await w.addService(account, await w.service(7300, { name: `Statement mail ${Date.now()}` }), '2026-07-01');
    const invoice = (await w.generate(account, '2026-07-01')).invoice!;
    await addContact(w, account, {
      email: `statement-${randomUUID().slice(0, 8)}@example.com`,
      categoryIds: [await billingCategoryId(sut)],
    });

    const res = await w.post(`/api/invoices/${invoice.id}/email`).expect(201);
    expect(res.body.billMode).toBe('statement');
    expect(await settled(w, res.body.emails[0].emailId)).toMatchObject({ status: 'sent', templateKey: 'statement' });

    const [mail] = await peer.waitForAccepted(1);
    expect(mail.text).toContain(`Balance: ${formatMoney(7300, sut.config.CURRENCY)}`);
    expect(mail.text).toContain(invoice.dueDate);
    const [pdf] = mail.attachments;
    expect(pdf).toMatchObject({ filename: `statement-${invoice.number}.pdf`, contentType: 'application/pdf' });
    const text = (await pdfs.pages(pdf.content)).join('\n');
    expect(text).toMatch(/statement/i);
    expect(text).toContain(formatMoney(7300));
  });

  it('gives each statement of a bill run batch its own account’s balance, read for the batch at once', async () => {
    const { w, sut } = world;
    const date = '2026-08-01';
    await w.today('2026-07-20');
    const service = await w.service(4000, { name: `Statement batch ${Date.now()}` });
    for (let i = 0; i < 3; i++) {
      const id = await w.account({ billMode: 'statement', emailInvoices: true });
      batch.push(id);
      await w.addService(id, service, '2026-07-20');
      await addContact(w, id, { email: `batch-${i}-${randomUUID().slice(0, 8)}@example.com`, categoryIds: [await billingCategoryId(sut)] });
    }
    const [owing, even, ahead] = batch;
    // Before the bill: one owes an earlier bill, one paid ahead; the third is even.
    const earlier = (await w.generate(owing, '2026-07-20')).invoice!;
    await w.pay(ahead, 2500);
    await w.today(date);
    const bills = [];
    for (const id of batch) bills.push((await w.generate(id, date)).invoice!);

    const queued = await sut.app.get(InvoiceEmailService).queueBillRunInvoices(batch, date);
    expect(queued).toBe(3);
    const expected = new Map([
      [owing, earlier.total + bills[0].total],
      [even, bills[1].total],
      [ahead, bills[2].total - 2500],
    ]);
    for (const [i, id] of batch.entries()) {
      const [mail] = await queuedEmails(sut, id);
      expect(mail.templateKey).toBe('statement');
      expect(mail.text).toContain(`Balance: ${formatMoney(expected.get(id) as number, sut.config.CURRENCY)}`);
      expect(mail.text).toContain(`New charges (bill ${bills[i].number}): ${formatMoney(bills[i].total, sut.config.CURRENCY)}`);
      expect(mail.text).toContain(`(#${id})`);
    }
  });
});
