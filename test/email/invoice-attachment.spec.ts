import { EmailService } from '../../src/email/email.service';
import { PdfScratch } from '../documents/pdf-text';
import { email, emailWorld, EmailWorld, settled, someAddress } from './email-world';

describe('an email with an invoice attached', () => {
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

  it('arrives with the invoice as a PDF rendered when it was sent', async () => {
    const { w, sut, peer } = world;
    await w.today('2026-10-01');
    account = await w.account();
    await w.addService(account, await w.service(4999, { name: `Fiber mail ${Date.now()}` }), '2026-10-01');
    const invoice = (await w.generate(account, '2026-10-01')).invoice!;
    const filename = `invoice-${invoice.number}.pdf`;

    const [id] = await sut.app.get(EmailService).queue([
      {
        accountId: account,
        to: someAddress('invoice'),
        subject: `Invoice ${invoice.number}`,
        text: 'Your invoice is attached.',
        html: '<p>Your invoice is attached.</p>',
        related: { type: 'invoice', id: invoice.id },
        attachments: [{ kind: 'invoice_pdf', sourceId: invoice.id, filename }],
      },
    ]);
    const queued = await email(w, id);
    expect(queued).toMatchObject({ related: { type: 'invoice', id: invoice.id } });
    expect(queued.attachments).toEqual([{ id: expect.any(Number), filename, kind: 'invoice_pdf', sourceId: invoice.id }]);

    expect(await settled(w, id)).toMatchObject({ status: 'sent' });
    const [mail] = await peer.waitForAccepted(1);
    expect(mail.html).toContain('<p>Your invoice is attached.</p>');
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf).toMatchObject({ filename, contentType: 'application/pdf' });
    expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfs.pages(pdf.content)).join('\n');
    expect(text).toContain(invoice.number);
  });
});
