import { randomUUID } from 'node:crypto';
import { formatMoney } from '../../src/common/money';
import { PdfScratch } from '../documents/pdf-text';
import { emailWorld, EmailWorld, settled } from '../email/email-world';
import { addContact, billingCategoryId } from './correspondence-fixture';

/** An account billed by statement gets the statement wording and the statement PDF. */
describe('emailing the bill of an account in statement bill mode', () => {
  let world: EmailWorld;
  const pdfs = new PdfScratch();
  let account: number;

  beforeAll(async () => {
    world = await emailWorld([]);
  });
  afterAll(async () => {
    pdfs.close();
    await world.w.expectBooksBalance([account]);
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
});
