import { randomUUID } from 'node:crypto';
import { formatMoney } from '../../src/common/money';
import { BillingNotificationsService } from '../../src/correspondence-templates/billing-notifications.service';
import { PaymentSyncService } from '../../src/payments/payment-sync.service';
import { BillingWorld } from '../billing/billing-world';
import { PdfScratch } from '../documents/pdf-text';
import { settled } from '../email/email-world';
import { StripeTestMode } from '../../src/dev-tools/stripe-test-mode/stripe-test-mode';
import { SmtpPeer } from '../support/smtp-peer';
import { createTestApp, TestApp } from '../support/test-app';
import { startTestWorker } from '../support/test-worker';
import { addContact, billingCategoryId, queuedEmails } from './correspondence-fixture';

/** A card payment that goes through mails its receipt; one that is declined mails the reason. Each once. */
describe('payment receipt and payment failed emails', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let stripe: StripeTestMode;
  let peer: SmtpPeer;
  let stopWorker: () => Promise<void>;
  const pdfs = new PdfScratch();
  const accounts: number[] = [];

  beforeAll(async () => {
    stripe = await StripeTestMode.start({ upstream: process.env.STRIPE_API_BASE });
    peer = await SmtpPeer.start([]);
    sut = await createTestApp({
      STRIPE_API_BASE: stripe.url,
      SMTP_URL: peer.url,
      EMAIL_RETRY_INITIAL_SECONDS: '1',
      SMTP_TIMEOUT_SECONDS: '5',
    });
    stopWorker = (await startTestWorker(sut)).stop;
    w = await new BillingWorld(sut).init();
  });
  afterAll(async () => {
    pdfs.close();
    await w.expectBooksBalance(accounts);
    await stopWorker();
    await sut.close();
    await peer.close();
    await stripe.close();
  });

  const cardPayment = async (pm: string, amount: number) => {
    const account = await w.account();
    accounts.push(account);
    const contact = await addContact(w, account, {
      email: `pay-${randomUUID().slice(0, 8)}@example.com`,
      categoryIds: [await billingCategoryId(sut)],
    });
    const card = (await w.post(`/api/accounts/${account}/payment-methods`, { paymentMethodId: pm }).expect(201)).body;
    const res = await w
      .post('/api/payments/card', { accountId: account, paymentMethodId: card.id, amount })
      .set('Idempotency-Key', `mail-${randomUUID()}`);
    return { account, contact, res };
  };

  it('mails the receipt PDF when a card payment succeeds, and only once when reported again', async () => {
    await w.today('2026-06-12');
    const { account, contact, res } = await cardPayment('pm_card_visa', 2750);
    expect(res.status).toBe(201);
    const payment = res.body;
    const [queued] = await queuedEmails(sut, account);
    expect(queued).toMatchObject({
      contactId: contact.id,
      templateKey: 'payment_receipt',
      dedupeKey: `payment-${payment.id}-succeeded-contact-${contact.id}`,
    });

    // The webhook reporting the same success later queues nothing new.
    await sut.app.get(BillingNotificationsService).paymentsSettled([payment.id]);
    expect((await queuedEmails(sut, account)).map((e) => e.id)).toEqual([queued.id]);

    expect(await settled(w, queued.id)).toMatchObject({ status: 'sent', related: { type: 'payment', id: payment.id } });
    const mail = (await peer.waitForAccepted(1)).find((m) => m.subject?.includes(formatMoney(2750, 'USD')))!;
    expect(mail.text).toContain(`Hello ${contact.name}`);
    expect(mail.text).toContain('card payment of 27.50 USD on 2026-06-12');
    const [pdf] = mail.attachments;
    expect(pdf).toMatchObject({ filename: `receipt-${payment.transactionId}.pdf`, contentType: 'application/pdf' });
    expect((await pdfs.pages(pdf.content)).join('\n')).toContain(formatMoney(2750));
  });

  it('mails the receipt when the payment is processed again after a worker died before queuing it, and never a late copy', async () => {
    await w.today('2026-06-14');
    const { account, res } = await cardPayment('pm_card_visa', 1200);
    const payment = res.body;
    // What a worker dying between the settlement's commit and the queuing leaves: the payment, no email.
    await sut.db.query(
      "DELETE a FROM email_attachments a JOIN emails e ON e.id = a.email_id WHERE e.related_type = 'payment' AND e.related_id = ?",
      [payment.id],
    );
    await sut.db.query("DELETE FROM emails WHERE related_type = 'payment' AND related_id = ?", [payment.id]);

    // The event processed again (Temporal retries the activity) finds the payment unchanged and queues the receipt.
    await sut.app.get(PaymentSyncService).syncPaymentIntent(payment.stripePaymentIntentId);
    const queued = await queuedEmails(sut, account);
    expect(queued.map((e) => e.templateKey)).toEqual(['payment_receipt']);

    // A contact added afterwards gets no copy when the same success is reported once more.
    await addContact(w, account, { email: `late-${randomUUID().slice(0, 8)}@example.com`, categoryIds: [await billingCategoryId(sut)] });
    await sut.app.get(PaymentSyncService).syncPaymentIntent(payment.stripePaymentIntentId);
    expect((await queuedEmails(sut, account)).map((e) => e.id)).toEqual(queued.map((e) => e.id));
    expect(await settled(w, queued[0].id)).toMatchObject({ status: 'sent' });
  });

  it('mails the reason when a card is declined, and the payment answer is unchanged', async () => {
    await w.today('2026-06-13');
    const { account, res } = await cardPayment('pm_card_chargeDeclined', 1900);
    expect(res.status).toBe(402);
    const [queued] = await queuedEmails(sut, account);
    expect(queued.templateKey).toBe('payment_failed');
    expect(queued.text).toContain('Your card was declined.');
    expect(await settled(w, queued.id)).toMatchObject({ status: 'sent' });
    const [processorPayment] = (await w.get(`/api/accounts/${account}/processor-payments`).expect(200)).body;
    await sut.app.get(BillingNotificationsService).paymentsSettled([processorPayment.id]);
    expect(await queuedEmails(sut, account)).toHaveLength(1);
  });
});
