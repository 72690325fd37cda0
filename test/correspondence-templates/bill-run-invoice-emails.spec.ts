import { MockActivityEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { BillRunActivities } from '../../src/bill-runs/bill-run.activities';
import { emailWorld, EmailWorld, settled } from '../email/email-world';
import { addContact, billingCategoryId, queuedEmails } from './correspondence-fixture';

const DATE = '2026-05-01';
const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

/**
 * The bill run's batch activity emails the invoices it made, to accounts set to get
 * them by email and never to child accounts; running the same batch again (a retried
 * activity) queues nothing more. Each batch here holds exactly one of this spec's
 * accounts, so accounts of suites running alongside are never billed by it.
 */
describe('bill run batches emailing their invoices', () => {
  let world: EmailWorld;
  const env = new MockActivityEnvironment();
  const accounts: number[] = [];

  beforeAll(async () => {
    world = await emailWorld([]);
  });
  afterAll(async () => {
    await world.w.expectBooksBalance(accounts);
    await world.close();
  });

  it('queues one email per recipient of each emailed invoice, once however often the batch runs', async () => {
    const { w, sut, peer } = world;
    const category = await billingCategoryId(sut);
    await w.today('2026-04-10');
    const emailed = await w.account({ emailInvoices: true });
    const paper = await w.account({ emailInvoices: false });
    const child = await w.account({ emailInvoices: true });
    accounts.push(emailed, paper, child);
    await w.post(`/api/accounts/${emailed}/child-accounts`, { childAccountId: child }).expect(201);
    const service = await w.service(3300, { name: `Bill run mail ${Date.now()}` });
    for (const account of accounts) await w.addService(account, service, '2026-04-10');
    const recipients = [
      await addContact(w, emailed, { email: address('run-a'), categoryIds: [category] }),
      await addContact(w, emailed, { email: address('run-b'), categoryIds: [category] }),
    ];
    await addContact(w, emailed, { email: address('run-other'), categoryIds: [] });
    await addContact(w, paper, { email: address('run-paper'), categoryIds: [category] });
    await addContact(w, child, { email: address('run-child'), categoryIds: [category] });

    await w.today(DATE);
    const activities = sut.app.get(BillRunActivities);
    const { billRunId } = await activities.openBillRun({ date: DATE, workflowId: `bill-run-mail-spec/${randomUUID()}`, startedBy: null });
    const batchOf = (accountId: number) =>
      env.run(() =>
        activities.billAccountsBatch({ billRunId, date: DATE, afterAccountId: accountId - 1, upToAccountId: accountId, limit: 1 }),
      );
    for (const account of [emailed, paper, child]) expect(await batchOf(account)).toMatchObject({ accounts: 1, invoices: 1, failures: 0 });

    const [invoice] = await sut.db.query('SELECT id, number FROM invoices WHERE account_id = ? AND generated_for = ?', [emailed, DATE]);
    const first = await queuedEmails(sut, emailed);
    expect(
      first
        .map((e) => ({ contactId: e.contactId, dedupeKey: e.dedupeKey, templateKey: e.templateKey }))
        .sort((a, b) => a.contactId! - b.contactId!),
    ).toEqual(recipients.map((r) => ({ contactId: r.id, dedupeKey: `invoice-${invoice.id}-contact-${r.id}`, templateKey: 'invoice' })));
    expect(await queuedEmails(sut, paper)).toEqual([]);
    expect(await queuedEmails(sut, child)).toEqual([]);

    // The activity run again after it committed, as Temporal does when a worker dies before reporting.
    for (const account of [emailed, paper, child]) await batchOf(account);
    expect((await queuedEmails(sut, emailed)).map((e) => e.id)).toEqual(first.map((e) => e.id));
    expect(await queuedEmails(sut, child)).toEqual([]);

    for (const e of first) expect(await settled(w, e.id)).toMatchObject({ status: 'sent' });
    const mails = await peer.waitForAccepted(2);
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.subject).toContain(invoice.number);
      expect(mail.attachments.map((a) => a.filename)).toEqual([`invoice-${invoice.number}.pdf`]);
    }

    // A clerk may still send the child's invoice by hand.
    const [childInvoice] = await sut.db.query('SELECT id FROM invoices WHERE account_id = ? AND generated_for = ?', [child, DATE]);
    const sent = await w.post(`/api/invoices/${childInvoice.id}/email`).expect(201);
    expect(sent.body.emails).toHaveLength(1);
    expect(await settled(w, sent.body.emails[0].emailId)).toMatchObject({ status: 'sent' });
    expect(await queuedEmails(sut, child)).toEqual([expect.objectContaining({ dedupeKey: null, templateKey: 'invoice' })]);
  });
});
