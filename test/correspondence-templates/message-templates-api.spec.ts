import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/auth/permission';
import { formatMoney } from '../../src/common/money';
import { BillingWorld } from '../billing/billing-world';
import { auditEntries, newRequestId } from '../notes/account-fixture';
import { createTestApp, TestApp } from '../support/test-app';
import { addContact, billingCategoryId } from './correspondence-fixture';

/**
 * Reading, rewording and previewing templates. Edits go to a template of this spec's
 * own (suites share one database, and others send the seeded ones).
 */
describe('message templates API', () => {
  let sut: TestApp;
  let w: BillingWorld;
  let key: string;
  let category: number;
  let account: number;
  let configurer: { id: number; token: string };

  beforeAll(async () => {
    sut = await createTestApp();
    w = await new BillingWorld(sut).init();
    category = await billingCategoryId(sut);
    key = `spec_${randomUUID().slice(0, 8)}`;
    await sut.db.query('INSERT INTO message_templates (template_key, name, category_id, subject, body_text) VALUES (?, ?, ?, ?, ?)', [
      key,
      'Spec template',
      category,
      'Hello {{account.name}}',
      'Body',
    ]);
    configurer = await sut.userWith([Permission.CorrespondenceRead, Permission.CorrespondenceConfigure]);
    await w.today('2026-09-01');
    account = await w.account();
  });
  afterAll(async () => {
    await w.expectBooksBalance([account]);
    await sut.close();
  });

  const put = (body: object, token = configurer.token, requestId = newRequestId('template')) =>
    sut.http().put(`/api/message-templates/${key}`).auth(token, { type: 'bearer' }).set('X-Request-Id', requestId).send(body);

  it('lists the four seeded templates in the Billing category, keyed for the admin by their key', async () => {
    const res = await w
      .get(
        `/api/message-templates?filter=${encodeURIComponent(JSON.stringify({ id: ['invoice', 'statement', 'payment_receipt', 'payment_failed'] }))}`,
      )
      .expect(200);
    expect(res.body.map((t: { id: string }) => t.id).sort()).toEqual(['invoice', 'payment_failed', 'payment_receipt', 'statement']);
    for (const t of res.body) expect(t).toMatchObject({ key: t.id, categoryId: category, categoryName: 'Billing' });
    const one = await w.get('/api/message-templates/invoice').expect(200);
    expect(one.body.bodyText).toContain('{{invoice.total}}');
    const fields = await w.get('/api/message-templates/merge-fields').expect(200);
    expect(fields.body).toContainEqual({
      field: 'invoice.balance_due',
      placeholder: '{{invoice.balance_due}}',
      description: expect.any(String),
    });
  });

  it('refuses an unknown merge field and an unclosed one with 400 naming the field, and changes nothing', async () => {
    const unknown = await put({ subject: 'Hi {{account.nmae}}' }).expect(400);
    expect(unknown.body.details).toEqual([
      expect.objectContaining({ field: 'subject', rule: 'mergeField', message: expect.stringContaining('account.nmae') }),
    ]);
    const unclosed = await put({ bodyText: 'Total: {{invoice.total' }).expect(400);
    expect(unclosed.body.details).toEqual([expect.objectContaining({ field: 'bodyText', rule: 'unclosedMergeField' })]);
    const badCategory = await put({ categoryId: 999_999_999 }).expect(400);
    expect(badCategory.body.details).toEqual([expect.objectContaining({ field: 'categoryId', rule: 'exists' })]);
    const current = await w.get(`/api/message-templates/${key}`).expect(200);
    expect(current.body).toMatchObject({ subject: 'Hello {{account.name}}', bodyText: 'Body', updatedBy: null });
  });

  it('saves a valid change with who made it, in one audit entry', async () => {
    const requestId = newRequestId('template-ok');
    const res = await put(
      { subject: 'Bill {{invoice.number}}', bodyText: 'Due {{invoice.balance_due}} by {{invoice.due_date}}' },
      configurer.token,
      requestId,
    ).expect(200);
    expect(res.body).toMatchObject({ id: key, subject: 'Bill {{invoice.number}}', updatedBy: configurer.id });
    await expect(auditEntries(sut, requestId)).resolves.toEqual([
      { accountId: null, actorUserId: configurer.id, action: 'update', entityType: 'message_template' },
    ]);
  });

  it('previews the saved template, or a draft, with the invoice figures and the first recipient', async () => {
    await w.addService(account, await w.service(2500, { name: `Preview ${Date.now()}` }), '2026-09-01');
    const invoice = (await w.generate(account, '2026-09-01')).invoice!;
    const contact = await addContact(w, account, { email: `preview-${randomUUID().slice(0, 8)}@example.com`, categoryIds: [category] });
    const saved = await w.post(`/api/message-templates/${key}/preview`, { accountId: account, invoiceId: invoice.id }).expect(200);
    expect(saved.body).toEqual({
      subject: `Bill ${invoice.number}`,
      text: `Due ${formatMoney(invoice.remaining, sut.config.CURRENCY)} by ${invoice.dueDate}`,
    });
    const draft = await w
      .post(`/api/message-templates/${key}/preview`, {
        accountId: account,
        invoiceId: invoice.id,
        bodyText: 'Dear {{contact.name}}: {{invoice.total}}',
      })
      .expect(200);
    expect(draft.body.text).toBe(`Dear ${contact.name}: ${formatMoney(invoice.total, sut.config.CURRENCY)}`);
    const badDraft = await w.post(`/api/message-templates/${key}/preview`, { accountId: account, bodyText: '{{nope}}' }).expect(400);
    expect(badDraft.body.details[0]).toMatchObject({ field: 'bodyText', rule: 'mergeField' });
    const otherAccount = await w.account();
    await w.post(`/api/message-templates/${key}/preview`, { accountId: otherAccount, invoiceId: invoice.id }).expect(400);
  });

  it('answers 404 for an unknown key and 403 without the permissions', async () => {
    await w.get('/api/message-templates/no_such_template').expect(404);
    const nobody = await sut.userWith([Permission.AccountsRead]);
    const reader = await sut.userWith([Permission.CorrespondenceRead]);
    await sut.http().get('/api/message-templates').auth(nobody.token, { type: 'bearer' }).expect(403);
    await sut.http().get(`/api/message-templates/${key}`).auth(nobody.token, { type: 'bearer' }).expect(403);
    await sut
      .http()
      .post(`/api/message-templates/${key}/preview`)
      .auth(nobody.token, { type: 'bearer' })
      .send({ accountId: account })
      .expect(403);
    await put({ subject: 'x' }, reader.token).expect(403);
    await sut.http().get('/api/invoices/1/email-recipients').auth(nobody.token, { type: 'bearer' }).expect(403);
    await sut.http().post('/api/invoices/1/email').auth(reader.token, { type: 'bearer' }).expect(403);
  });
});
